/// The words of a board whose connection to the database server is lost and comes back, in both languages.
extension Strings {
    static let englishConnection: [StringKey: String] = [
        .offlineLabel: "read-only: no connection",
        .offlineNotice: "{1}. The board stays open read-only and connects again by itself; what you typed is kept",
        .messageReconnected: "Connected to the database again: the board shows its latest state",
    ]

    static let dutchConnection: [StringKey: String] = [
        .offlineLabel: "alleen-lezen: geen verbinding",
        .offlineNotice: "{1}. Het bord blijft alleen-lezen open en verbindt vanzelf opnieuw; wat u typte blijft bewaard",
        .messageReconnected: "Weer verbonden met de database: het bord toont de nieuwste stand",
    ]
}

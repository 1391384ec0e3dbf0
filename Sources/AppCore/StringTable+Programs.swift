import Domain

/// The programs that record changes (stored in the event log as `board`, `cli`, `join`, `web`, `migrate`, `bench`), as
/// people read them, in both languages.
extension Strings {
    static let englishPrograms: [StringKey: String] = [
        .programBoard: "board", .programCommandLine: "command line", .programParticipantTerminal: "participant's terminal",
        .programParticipantPage: "participant's page", .programMigrate: "migration", .programBench: "bench",
    ]

    static let dutchPrograms: [StringKey: String] = [
        .programBoard: "bord", .programCommandLine: "opdrachtregel", .programParticipantTerminal: "terminal van deelnemer",
        .programParticipantPage: "deelnemerspagina", .programMigrate: "migratie", .programBench: "meting",
    ]

    private static let programKeys: [String: StringKey] = [
        "board": .programBoard, "cli": .programCommandLine, "join": .programParticipantTerminal, "web": .programParticipantPage,
        "migrate": .programMigrate, "bench": .programBench,
    ]

    /// A stored program name as people read it: a known one in this language, any other as stored, on one line and cut
    /// to `nameLimit` columns; nil when nothing of it would show.
    public func programName(_ stored: String) -> String? {
        if let key = Self.programKeys[stored] { return self[key] }
        let shown = TextSanitizer.singleLine(stored).trimmingCharactersInWhitespace()
        return DisplayWidth.of(shown) == 0 ? nil : DisplayWidth.truncate(shown, to: Self.nameLimit)
    }

    /// Who made a change: the person, and the program they used in brackets when it was recorded, on one line and each
    /// cut to `nameLimit` columns (a stored name of any length never pushes a message's advice off the screen).
    public func who(_ actor: String, program: String?) -> String {
        let person = DisplayWidth.truncate(TextSanitizer.singleLine(actor).trimmingCharactersInWhitespace(), to: Self.nameLimit)
        return person + (program.flatMap(programName).map { " (\($0))" } ?? "")
    }

    /// The most columns a stored person's or program's name takes in a message or a history line.
    static let nameLimit = 32
}

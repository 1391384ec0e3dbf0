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

    /// A stored program name as people read it: a known one in this language, any other as stored (on one line).
    public func programName(_ stored: String) -> String {
        Self.programKeys[stored].map { self[$0] } ?? TextSanitizer.singleLine(stored)
    }

    /// Who made a change: the person, and the program they used in brackets when it was recorded (on one line).
    public func who(_ actor: String, program: String?) -> String {
        TextSanitizer.singleLine(actor) + (program.map { " (\(programName($0)))" } ?? "")
    }
}

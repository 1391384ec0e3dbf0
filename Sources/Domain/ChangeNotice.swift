import Foundation

/// Who last changed a record, when, and through which program: named when a change is refused as stale.
public struct ChangeNotice: Equatable, Sendable {
    /// What happened (a measurement added, a move, an edit …).
    public var kind: EventKind
    public var at: Date
    public var actor: String
    /// The program that wrote it (`board`, `cli` …); nil for records older than the program column.
    public var program: String?

    public init(kind: EventKind, at: Date, actor: String, program: String?) {
        self.kind = kind
        self.at = at
        self.actor = actor
        self.program = program
    }
}

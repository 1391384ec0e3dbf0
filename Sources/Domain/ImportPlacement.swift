/// Where an idea read from a spreadsheet arrives. A stage beyond proposed needs what its gate asks (a test card, a
/// learning card, consent, a stop reason), which a row does not bring; so every imported idea arrives as proposed, and
/// the stage the file asked for is kept as a note in its history. WIP limits of later stages are never touched.
public struct ImportPlacement: Equatable, Sendable {
    /// The stage the idea is put in: always proposed.
    public let stage: Stage
    /// The stage the file asked for.
    public let requested: Stage

    public init(requested: Stage) {
        self.requested = requested
        stage = .proposed
    }

    /// Whether the file asked for another stage than the one the idea arrives in.
    public var isHeldBack: Bool { requested != stage }

    /// The note recorded with the import when the idea was held back, naming the stage and its gate's fields.
    public var note: String? {
        guard isHeldBack else { return nil }
        let gate = GateDraft.fields(for: requested).map { "--\($0.rawValue)" }.joined(separator: ", ")
        return "the file asked for \(requested.rawValue); imported as proposed: move it there through its gate (\(gate))"
    }
}

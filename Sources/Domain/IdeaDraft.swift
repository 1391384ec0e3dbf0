/// An idea read from an import file that passed every check: cleaned fields and a stage, ready to store.
public struct IdeaDraft: Equatable, Sendable {
    public var location: ImportLocation
    /// Validated (`IdeaFields.validated()`): cleaned of control characters, trimmed, title within its limit.
    public var fields: IdeaFields
    public var stage: Stage
    /// Whether control characters or escape codes were removed from the file's text.
    public var wasCleaned: Bool

    public init(location: ImportLocation, fields: IdeaFields, stage: Stage, wasCleaned: Bool = false) {
        self.location = location
        self.fields = fields
        self.stage = stage
        self.wasCleaned = wasCleaned
    }
}

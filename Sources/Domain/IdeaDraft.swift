/// An idea read from an import file that passed every check: cleaned fields and a stage, ready to store.
public struct IdeaDraft: Equatable, Sendable {
    public var location: ImportLocation
    /// Validated (`IdeaFields.validated()`): cleaned of control characters, trimmed, title within its limit.
    public var fields: IdeaFields
    public var stage: Stage
    /// Whether control characters or escape codes were removed from the file's text.
    public var wasCleaned: Bool
    /// Whether it lands in the inbox (a CSV row without a stage: an idea from outside, waiting for triage).
    public var inbox = false
    /// Who gets a reply, cleaned; personal data.
    public var replyTo: String?
    /// The day it was sent in, when the file says.
    public var receivedOn: DayDate?

    public init(location: ImportLocation, fields: IdeaFields, stage: Stage, wasCleaned: Bool = false) {
        self.location = location
        self.fields = fields
        self.stage = stage
        self.wasCleaned = wasCleaned
    }
}

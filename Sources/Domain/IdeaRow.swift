/// One idea as an import file gives it, before any check: the text as written, blank where the file has nothing.
public struct IdeaRow: Equatable, Sendable {
    public var location: ImportLocation
    public var title: String
    public var description: String
    public var theme: String
    public var tags: [String]
    /// A source name in English or Dutch; nil or blank for none.
    public var source: String?
    public var submitter: String?
    /// A stage name in English or Dutch; nil or blank for proposed. In a CSV file, blank means the inbox.
    public var stage: String?
    /// Who gets a reply (a form tool's contact column); personal data.
    public var replyTo: String?
    /// The day the form was sent in (`YYYY-MM-DD` or `DD-MM-YYYY`); blank for the day of the import.
    public var received: String?

    public init(
        location: ImportLocation, title: String, description: String = "", theme: String = "", tags: [String] = [],
        source: String? = nil, submitter: String? = nil, stage: String? = nil, replyTo: String? = nil, received: String? = nil
    ) {
        self.replyTo = replyTo
        self.received = received
        self.location = location
        self.title = title
        self.description = description
        self.theme = theme
        self.tags = tags
        self.source = source
        self.submitter = submitter
        self.stage = stage
    }

    /// Whether any of its text holds control characters or escape codes (which the check removes); the description's
    /// line ends are kept, so they are none.
    public var containsControlCharacters: Bool {
        ([title, theme, submitter ?? "", replyTo ?? ""] + tags).contains { TextSanitizer.containsControlCharacters($0) }
            || TextSanitizer.containsControlCharacters(description, keepingLineEnds: true)
    }
}

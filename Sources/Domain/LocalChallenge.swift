/// A lokale opgave: a local challenge the council and the College name, that ideas (by their theme) serve.
public struct LocalChallenge: Equatable, Sendable, Codable {
    /// The name ideas carry as their theme; unique without regard to case.
    public var name: String
    /// A short description of the challenge.
    public var summary: String
    /// Where the figures on it come from (a dashboard, a monitor), when known.
    public var dataSource: String?

    public init(name: String, summary: String = "", dataSource: String? = nil) {
        self.name = name
        self.summary = summary
        self.dataSource = dataSource
    }

    /// The challenge cleaned of control characters and stray spaces, or the rule it breaks (a name is required).
    public func validated() throws(DomainError) -> LocalChallenge {
        let cleanName = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard cleanName.unicodeScalars.contains(where: TextSanitizer.isVisible) else { throw .challengeNeedsName }
        try TextLimit.check(cleanName, field: "theme", limit: TextLimit.line)
        let cleanSummary = TextSanitizer.multiLine(summary).trimmingCharactersInWhitespace()
        try TextLimit.check(cleanSummary, field: "description", limit: TextLimit.description)
        let cleanSource = dataSource.map { TextSanitizer.singleLine($0).trimmingCharactersInWhitespace() }
        try TextLimit.check(cleanSource ?? "", field: "data source", limit: TextLimit.line)
        return LocalChallenge(name: cleanName, summary: cleanSummary, dataSource: cleanSource?.isEmpty == false ? cleanSource : nil)
    }
}

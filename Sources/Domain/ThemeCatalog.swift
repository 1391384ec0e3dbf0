/// The themes (lokale opgaven) ideas may carry: any text, or a fixed list from the configuration.
public struct ThemeCatalog: Equatable, Sendable {
    /// The allowed themes when the configuration fixes them; nil when any theme is allowed.
    public var fixed: [String]?

    public init(fixed: [String]? = nil) {
        self.fixed = fixed.map { list in list.map { $0.trimmingCharactersInWhitespace() }.filter { !$0.isEmpty } }
    }

    /// Any theme is allowed.
    public static let open = ThemeCatalog()

    /// The theme as it will be stored: an allowed theme in its listed spelling (case and accents ignored when matching),
    /// or refused when the list is fixed and it is not on it. An empty theme is always allowed.
    public func canonical(_ theme: String) throws(DomainError) -> String {
        let trimmed = theme.trimmingCharactersInWhitespace()
        guard let fixed, !trimmed.isEmpty else { return trimmed }
        let folded = TextSearch.fold(trimmed)
        guard let match = fixed.first(where: { TextSearch.fold($0) == folded }) else { throw .unknownTheme(trimmed, allowed: fixed) }
        return match
    }

    /// The fields with their theme made canonical.
    public func checked(_ fields: IdeaFields) throws(DomainError) -> IdeaFields {
        var copy = fields
        copy.theme = try canonical(fields.theme)
        return copy
    }

    /// The themes to offer while typing: the fixed list, or else the themes already in use (`known`), sorted.
    public func offered(known: [String]) -> [String] {
        if let fixed { return fixed }
        var seen: Set<String> = []
        var result: [String] = []
        for theme in known where !theme.isEmpty && seen.insert(TextSearch.fold(theme)).inserted { result.append(theme) }
        return result.sorted { TextSearch.fold($0) < TextSearch.fold($1) }
    }

    /// Offered themes that match what was typed (case and accents ignored): those starting with it first, then those
    /// containing it; all of them for empty text. A theme typed in full is not suggested again.
    public static func suggestions(for typed: String, among themes: [String], limit: Int = 5) -> [String] {
        let folded = TextSearch.fold(typed.trimmingCharactersInWhitespace())
        if folded.isEmpty { return Array(themes.prefix(limit)) }
        let starting = themes.filter { TextSearch.fold($0).hasPrefix(folded) && TextSearch.fold($0) != folded }
        let containing = themes.filter { !TextSearch.fold($0).hasPrefix(folded) && TextSearch.fold($0).contains(folded) }
        return Array((starting + containing).prefix(limit))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public func trimmingCharactersInWhitespace() -> String {
        let scalars = unicodeScalars
        // Nothing to trim at either end: the text itself, without copying it.
        if let head = scalars.first, let tail = scalars.last, !head.properties.isWhitespace, !tail.properties.isWhitespace { return String(self) }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

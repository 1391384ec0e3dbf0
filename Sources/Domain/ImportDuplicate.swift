/// A row of an import file whose title looks like a stored idea's or an earlier row's.
public struct ImportDuplicate: Equatable, Sendable {
    /// The row that looks like a duplicate.
    public var location: ImportLocation
    public var match: DuplicateMatch<DuplicateSource>

    public init(location: ImportLocation, match: DuplicateMatch<DuplicateSource>) {
        self.location = location
        self.match = match
    }
}

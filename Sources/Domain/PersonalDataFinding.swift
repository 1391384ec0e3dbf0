/// One piece of personal data found in a text: what kind, where (in characters) and as written.
public struct PersonalDataFinding: Equatable, Sendable {
    public var kind: PersonalDataKind
    /// Character offsets in the scanned text, end exclusive.
    public var range: Range<Int>
    public var text: String

    public init(kind: PersonalDataKind, range: Range<Int>, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

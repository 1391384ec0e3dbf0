/// The stable identifier of an idea, shown to users as `#12`.
public struct IdeaID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Parses `12` or `#12`; nil for anything else.
    public init?(parsing text: String) {
        var digits = Substring(text.trimmingCharactersInWhitespace())
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard let value = Int64(digits), value > 0 else { return nil }
        self.rawValue = value
    }

    public var description: String { "#\(rawValue)" }

    public static func < (lhs: IdeaID, rhs: IdeaID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

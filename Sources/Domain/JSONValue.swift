import Foundation

/// Any JSON value, for exporting table rows exactly as stored and checking them before an import.
public enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// A number the file wrote that no 64-bit float holds (such as `1e400`): read so that it can be named, never stored.
    case unrepresentableNumber

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Int64.self) { self = .int(value); return }
        if let value = try? container.decode(Double.self) { self = .double(value); return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([JSONValue].self) { self = .array(value); return }
        if let value = try? container.decode([String: JSONValue].self) { self = .object(value); return }
        // The text was valid JSON (the parser checked it first), so what no type above takes is a number out of range.
        self = .unrepresentableNumber
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .unrepresentableNumber:
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "a number out of range"))
        }
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// The secret of a participant's link: 144 random bits written as 24 URL-safe base64 characters.
///
/// Domain holds no randomness: the bytes come from the application layer's secure generator; this type only writes
/// and checks the form, so a malformed token is refused before anything is looked up.
public struct ParticipantToken: Hashable, Sendable, CustomStringConvertible {
    /// How many random bytes a token carries (18 bytes = 144 bits, at least the 128 the issue asks for).
    public static let byteCount = 18
    /// The length of the written form.
    public static let length = 24

    /// The written form, as it appears in the link.
    public let text: String

    /// Checks the written form: exactly 24 characters of `A–Z a–z 0–9 - _`.
    public init?(_ text: String) {
        guard text.utf8.count == Self.length, text.utf8.allSatisfy(Self.isTokenByte) else { return nil }
        self.text = text
    }

    /// Writes random bytes as a token; `bytes` must hold `byteCount` bytes.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == Self.byteCount, "a participant token needs \(Self.byteCount) bytes")
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let value = UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int((value >> UInt32(shift)) & 63)]) }
        }
        text = String(decoding: out, as: UTF8.self)
    }

    /// Never the secret itself, so a token printed by accident (a log, an error) gives nothing away.
    public var description: String { "participant token" }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}

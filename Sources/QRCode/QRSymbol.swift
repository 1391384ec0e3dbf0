import CQRencode

/// A QR code symbol: a square of modules, dark or light, made by Debian's libqrencode (error correction level M,
/// 8-bit mode, the smallest version that holds the text).
public struct QRSymbol: Equatable, Sendable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row by row: true for a dark module.
    public let modules: [Bool]

    /// Encodes text; nil when it does not fit in a QR code.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether a module is dark; everything outside the symbol (the quiet zone) is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The symbol drawn with half blocks, two module rows per line, surrounded by `quietZone` light modules: dark
    /// modules are the foreground colour, so draw it dark on light (black on white) for phones to scan it.
    public func halfBlockLines(quietZone: Int = 4) -> [String] {
        let range = -quietZone..<(size + quietZone)
        return stride(from: range.lowerBound, to: range.upperBound, by: 2).map { y in
            String(range.map { x -> Character in
                switch (isDark(x: x, y: y), y + 1 < range.upperBound && isDark(x: x, y: y + 1)) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }
}

/// JSON text that is safe to print on a terminal and still means exactly the same.
public enum JSONText {
    /// The JSON with every C1 control, bidirectional override and line or paragraph separator written as a `\uXXXX`
    /// escape. Encoders leave those characters raw (only C0 controls must be escaped), but a terminal may act on them;
    /// inside a JSON string an escape decodes to the very same character, so the data is unchanged.
    public static func escapingInvisibleControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else {
                output.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: false)
            output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(output)
    }

    /// C1 controls (U+0080–U+009F), bidirectional embeddings, overrides and isolates, and U+2028/U+2029.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029
    }
}

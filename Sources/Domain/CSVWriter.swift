/// Writing CSV that is safe to open in a spreadsheet and to print on a terminal.
///
/// Each cell is cleaned of escape sequences and control characters (newlines stay, inside quotes), and a cell that a
/// spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// neutralised the way OWASP describes: a single quote is put in front and the cell is quoted. Both dialects (commas,
/// and semicolons for Dutch Excel) get the same treatment.
public enum CSVWriter {
    /// The first characters that make a spreadsheet treat a cell as a formula.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One line of cells joined by the separator (no line end).
    public static func row(_ cells: [String], separator: Character = ",") -> String {
        cells.map { cell($0, separator: separator) }.joined(separator: String(separator))
    }

    /// One cell, cleaned, neutralised when it could run as a formula, and quoted when it needs to be.
    public static func cell(_ text: String, separator: Character = ",") -> String {
        var clean = TextSanitizer.multiLine(text)
        // Checked before and after cleaning: a removed escape code must not uncover a formula.
        let formula = [text, clean].contains { $0.unicodeScalars.first.map(formulaStarts.contains) ?? false }
        if formula { clean = "'" + clean }
        if formula || clean.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + clean.replacingAll("\"", with: "\"\"") + "\""
        }
        return clean
    }
}

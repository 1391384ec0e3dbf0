import Domain

/// A case note in words, the same on the board, the command line and in reports.
public enum CaseNoteText {
    /// The first line (`2026-10-02 #4 (cycle 1): … · publishable`) and, when given, what it shows.
    public static func line(_ note: CaseNote, strings: Strings, withIdea: Bool = true) -> [String] {
        let head = (withIdea ? "\(note.date) \(note.idea)" : "\(note.date)") + (note.cycle.map { " (\(strings.format(.detailCycle, $0)))" } ?? "")
        var lines = [head + ": " + TextSanitizer.singleLine(note.text) + (note.publishable ? " · " + strings[.caseNotePublishable] : "")]
        if !note.shows.isEmpty { lines.append(strings.format(.caseNoteShows, TextSanitizer.singleLine(note.shows))) }
        return lines
    }
}

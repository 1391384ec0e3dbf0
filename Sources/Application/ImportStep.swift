import Domain

/// One checked row of an import, as the reading thread hands it to the writing one: write it (while the file has no
/// problems), then tell the caller about it with its likely duplicates.
struct ImportStep: Sendable {
    var draft: IdeaDraft
    /// Whether the row is written: no problem was found up to it (after one, rows are only checked).
    var write: Bool
    /// Where an inbox row lands (received on, reply to); nil for a row with a stage.
    var arrival: Arrival?
    var duplicates: [ImportDuplicate]
}

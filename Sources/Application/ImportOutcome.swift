import Domain

/// What an import wrote (or, on a dry run, would write): the checked ideas and their likely duplicates.
public struct ImportOutcome: Sendable {
    public var drafts: [IdeaDraft]
    /// Likely duplicates of each row, among the stored ideas and the rows before it in the file.
    public var duplicates: [ImportDuplicate]
}

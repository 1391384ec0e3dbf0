/// How long a text a person, a form or a file may give, so no field grows beyond what the screens and reports can show.
///
/// The forms and every import go through the same checks (`IdeaFields.validated()`, `GateDraft.validated`, the storage
/// writes), so an import can never bring in what a form would refuse.
public enum TextLimit {
    /// Titles, themes, tags, names: one line.
    public static let line = 200
    /// Test and learning cards, reasons, notes, proposals, objections: a paragraph or a few.
    public static let text = 20_000
    /// An idea's description.
    public static let description = 200_000
    /// Tags on one idea.
    public static let tags = 10_000

    /// Refuses a text longer than `limit` characters, naming the field by its English name.
    public static func check(_ text: String, field: String, limit: Int) throws(DomainError) {
        // Counting characters is linear; the UTF-8 size bounds it from above, so short texts are never counted.
        guard text.utf8.count > limit, text.count > limit else { return }
        throw .textTooLong(field: field, limit: limit)
    }
}

import Domain

/// The typed work of an open form, kept in the data directory until it is saved or discarded, so a crash or a lost
/// terminal loses nothing: the next `n`, `e` or move of the same card offers it back. Fields are kept by name.
public struct FormDraft: Equatable, Sendable, Codable {
    /// Which form the draft belongs to.
    public enum Subject: Hashable, Sendable, Codable {
        /// The new-idea form.
        case newIdea
        /// The edit form of an idea.
        case editIdea(IdeaID)
        /// The gate form of a move of an idea into a stage.
        case gate(IdeaID, Stage)
        /// The note on a cell of a weighing session.
        case weighingNote(SessionID, SessionCell)
        /// The name of a late participant of a weighing session.
        case weighingParticipant(SessionID)
        /// The reason to exclude the participant with this index from a weighing session.
        case weighingExclusion(SessionID, Int)
    }

    public var subject: Subject
    /// The typed values by field name.
    public var fields: [String: String]
    /// For an edit: the idea's fields as loaded when the edit began (what a later save merges from).
    public var base: IdeaFields?
    /// The name of the field being typed in, so a restored form reopens there (absent in drafts kept before it was).
    public var focus: String?

    public init(subject: Subject, fields: [String: String], base: IdeaFields? = nil, focus: String? = nil) {
        self.subject = subject
        self.fields = fields
        self.base = base
        self.focus = focus
    }
}

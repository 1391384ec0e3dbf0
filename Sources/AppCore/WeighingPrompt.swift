import Domain

/// A line typed in the weighing screen's footer: a note on a cell, a late participant's name, or why someone leaves.
public struct WeighingPrompt: Equatable, Sendable {
    /// What the line is for.
    public enum Purpose: Equatable, Sendable {
        case note(SessionCell)
        case addParticipant
        /// The reason to exclude the participant with this index.
        case exclude(Int)
    }

    public var purpose: Purpose
    public var field: TextField
    /// Why the last Enter was refused.
    public var error: String?
    /// Said above the line until the next key: that a line typed earlier was brought back.
    public var notice: String?
    /// The text the line opened with (the cell's note so far, or nothing).
    public let initial: String

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        field = TextField(text)
        initial = text
    }

    /// Whether something was typed that is not stored yet.
    public var isChanged: Bool { field.text != initial }

    /// Which draft the typed line is kept in, for the session with this id.
    public func draftSubject(session: SessionID) -> FormDraft.Subject {
        switch purpose {
        case .note(let cell): .weighingNote(session, cell)
        case .addParticipant: .weighingParticipant(session)
        case .exclude(let index): .weighingExclusion(session, index)
        }
    }

    /// The typed line as a draft, under the field name `text`.
    public func draft(session: SessionID) -> FormDraft {
        FormDraft(subject: draftSubject(session: session), fields: ["text": field.text], focus: "text")
    }

    /// Brings back a line typed earlier (kept after a crash or a lost terminal).
    public mutating func restore(_ draft: FormDraft) {
        guard let text = draft.fields["text"] else { return }
        field.restore(text)
    }
}

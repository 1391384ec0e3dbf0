import Domain
import Foundation

/// The words of a change refused because someone else changed the idea meanwhile, when the form keeps what was typed
/// and the next Ctrl-S knowingly puts it over the other change, in both languages.
extension Strings {
    static let englishConflicts: [StringKey: String] = [
        .conflictKeptEdit: "Not saved: {1} changed {2} at {3}{4}. Your text is kept: Ctrl-S saves it over theirs, Esc drops it",
        .conflictKeptMove: "Not moved: {1} moved {2} at {3}. What you typed is kept: Ctrl-S moves it from where it is now, Esc drops it",
    ]

    static let dutchConflicts: [StringKey: String] = [
        .conflictKeptEdit: "Niet opgeslagen: {1} wijzigde {2} om {3}{4}. Uw tekst blijft staan: Ctrl-S zet hem eroverheen, Esc laat hem los",
        .conflictKeptMove: "Niet verplaatst: {1} verplaatste {2} om {3}. Wat u typte blijft staan: Ctrl-S verplaatst vanaf waar de kaart nu "
            + "staat, Esc laat het los",
    ]

    /// A refused edit or move whose form stays open with what was typed, once the idea is brought up to date: who changed
    /// it, when, and which of the form's fields (`fields`, for an edit); nil when the change is not known by name.
    public func conflictKept(_ error: DomainError, move: Bool) -> String? {
        guard case .changedSince(let id, let fields, let notice?, false) = error,
              !move || [.moved, .imported, .merged].contains(notice.kind)  // a gate form's other refusals keep their own words
        else { return nil }
        let names = fields.isEmpty ? "" : " (" + fields.map { fieldName($0) }.joined(separator: ", ") + ")"
        let person = who(notice.actor, program: notice.program)
        let time = changeTime(notice.at)
        return move ? format(.conflictKeptMove, person, id, time) : format(.conflictKeptEdit, person, id, time, names)
    }
}

import Domain
import Foundation

/// One row of an import as `IdeaImportWriter` placed it, before its store numbers it: its checked fields, the stage it
/// arrives in, its place among the rows the import adds to that stage (1 for the first) and the note naming the stage
/// the file asked for when that was held back; with an arrival it lands in the inbox.
struct ImportedIdea {
    let fields: IdeaFields
    let stage: Stage
    let ordinal: Int64
    let note: String?
    let arrival: Arrival?

    /// The `imported` event's snapshot of the idea with its id, position and time (`date`: the time as ISO 8601 text).
    func snapshot(id: Int64, position: Int64, now: Date, date: String) -> String {
        SnapshotJSON.newIdea(Idea(id: IdeaID(id), fields: fields, stage: stage, position: position, createdAt: now, updatedAt: now), date: date)
    }
}

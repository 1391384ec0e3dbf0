import Domain
import Foundation
import GRDB

/// The `caseNote` table row: one piece of casework, without personal data.
struct CaseNoteRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "caseNote"

    var id: Int64?
    var ideaId: Int64
    var cycle: Int?
    var date: String
    var text: String
    var shows: String
    var publishable: Bool
    var createdAt: Date

    init(_ note: CaseNote, createdAt: Date) {
        id = note.id
        ideaId = note.idea.rawValue
        cycle = note.cycle
        date = note.date.description
        text = note.text
        shows = note.shows
        publishable = note.publishable
        self.createdAt = createdAt
    }

    /// The note; throws `StorageError.unreadableValue` when its date cannot be read.
    var note: CaseNote {
        get throws {
            CaseNote(
                id: id, idea: IdeaID(ideaId), cycle: cycle,
                date: try StoredValue.day(date, table: Self.databaseTableName, record: "case \(id ?? 0)", field: "date"),
                text: text, shows: shows, publishable: publishable)
        }
    }
}

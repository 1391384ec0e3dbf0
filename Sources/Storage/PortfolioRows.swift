import Domain
import Foundation

/// The rules an export and a JSON import apply to a table's rows on both stores (`AppDatabase`, `PostgresStore`), so
/// the two write the same export and store the same values.
enum PortfolioRows {
    /// Tables in an order that respects foreign keys.
    static let exportedTables = [
        "idea", "cycle", "caseNote", "measurement", "decision", "criteriaSet", "session", "score", "abstention", "cellNote", "wipLimit", "event",
        "intake", "challenge", "councilValues",
    ]
    /// Columns holding JSON arrays shown as arrays in the export.
    static let arrayColumns: [String: Set<String>] = ["idea": ["tags"]]

    /// One stored value as the export shows it: a JSON array column's text as an array, anything else as it is.
    @inline(__always)
    static func exported(_ value: JSONValue, table: String, column: String) -> JSONValue {
        if let arrays = arrayColumns[table], arrays.contains(column), case .string(let text) = value, let array = TagCoding.decode(text) {
            return .array(array.map(JSONValue.string))
        }
        return value
    }

    /// Leaves the personal data out of an exported row (without `includePersonal`): submitter names from ideas and
    /// event snapshots, whom an intake replies to.
    @inline(__always)
    static func removePersonal(_ object: inout [String: JSONValue], table: String) {
        if table == "idea" { object["submitter"] = .null }
        if table == "intake" { object["replyTo"] = .null }
        if table == "event" {
            for column in ["before", "after"] {
                if let text = object[column]?.string { object[column] = .string(Personal.stripSubmitter(text)) }
            }
        }
    }

    /// One record of the file as it is stored: an idea takes the checked fields of its draft.
    static func stored(_ record: [String: JSONValue], table: String, draft: IdeaDraft?) -> [String: JSONValue] {
        guard table == "idea", let draft else { return record }
        return record.merging(ideaColumns(draft)) { $1 }
    }

    /// A value of the file as the store keeps it: an array column's array as its JSON text.
    static func storedValue(_ value: JSONValue, table: String, column: String) -> JSONValue {
        if let arrays = arrayColumns[table], arrays.contains(column), case .array(let items) = value {
            return .string(TagCoding.encode(items.compactMap(\.string)))
        }
        return value
    }

    /// The idea columns a draft decides: its checked text, source and stage.
    static func ideaColumns(_ draft: IdeaDraft) -> [String: JSONValue] {
        [
            "title": .string(draft.fields.title), "description": .string(draft.fields.description),
            "theme": .string(draft.fields.theme), "tags": .array(draft.fields.tags.map(JSONValue.string)),
            "source": draft.fields.source.map { .string($0.rawValue) } ?? .null,
            "submitter": draft.fields.submitter.map(JSONValue.string) ?? .null, "stage": .string(draft.stage.rawValue),
        ]
    }
}

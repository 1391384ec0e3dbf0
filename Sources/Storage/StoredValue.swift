import Domain
import Foundation

/// Strict readers of stored text: a value that is present but cannot be read throws
/// `StorageError.unreadableValue` naming the record and the field, instead of becoming a default.
/// NULL in an optional column stays nil. The record's name is only worked out when reading fails.
enum StoredValue {
    /// A value of a string-backed enumeration, such as a stage or a decision kind.
    static func value<T: RawRepresentable>(
        _ type: T.Type, _ raw: String, table: String, record: @autoclosure () -> String, field: String
    ) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw unreadable(table, record(), field, raw) }
        return value
    }

    /// A value of a string-backed enumeration in an optional column.
    static func value<T: RawRepresentable>(
        _ type: T.Type, _ raw: String?, table: String, record: @autoclosure () -> String, field: String
    ) throws -> T? where T.RawValue == String {
        guard let raw else { return nil }
        let read: T = try value(type, raw, table: table, record: record(), field: field)
        return read
    }

    /// A calendar day stored as `YYYY-MM-DD`.
    static func day(_ raw: String, table: String, record: @autoclosure () -> String, field: String) throws -> DayDate {
        guard let day = DayDate(parsing: raw) else { throw unreadable(table, record(), field, raw) }
        return day
    }

    /// A calendar day in an optional column.
    static func day(_ raw: String?, table: String, record: @autoclosure () -> String, field: String) throws -> DayDate? {
        guard let raw else { return nil }
        let read: DayDate = try day(raw, table: table, record: record(), field: field)
        return read
    }

    /// A JSON document (a list of objections, a session's criteria …).
    static func json<T: Decodable>(
        _ type: T.Type, _ raw: String, table: String, record: @autoclosure () -> String, field: String
    ) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(raw.utf8))
        } catch {
            throw unreadable(table, record(), field, raw)
        }
    }

    /// A JSON array of tags, as `TagCoding` writes it.
    static func tags(_ raw: String, table: String, record: @autoclosure () -> String, field: String) throws -> [String] {
        guard let tags = TagCoding.decode(raw) else { throw unreadable(table, record(), field, raw) }
        return tags
    }

    /// The tags of a JSON array joined for searching, as `IdeaSummary.tagText` keeps them.
    static func tagText(_ raw: String, table: String, record: @autoclosure () -> String, field: String) throws -> String {
        guard let text = TagCoding.searchText(raw) else { throw unreadable(table, record(), field, raw) }
        return text
    }

    /// The stage of an event's before/after snapshot; nil only when the column is NULL.
    static func stage(inSnapshot json: String?, table: String, record: @autoclosure () -> String, field: String) throws -> Stage? {
        guard let json else { return nil }
        switch JSONField.string("stage", in: json) {
        case .some(.some(let raw)):
            if let stage = Stage(rawValue: raw) { return stage }
        case .some(.none):
            break
        case .none:
            if let snapshot = try? JSONDecoder().decode(StageSnapshot.self, from: Data(json.utf8)),
               let stage = Stage(rawValue: snapshot.stage) {
                return stage
            }
        }
        throw unreadable(table, record(), field, json)
    }

    private struct StageSnapshot: Decodable { var stage: String }

    // Hardening
    /// A measured value: finite (SQLite keeps an overflowed 1e999 as infinity, which no chart or sum survives).
    static func measured(_ value: Double, record: @autoclosure () -> String) throws -> Double {
        guard value.isFinite else { throw unreadable("measurement", record(), "value", String(value)) }
        return value
    }

    /// A list of criteria (a set, or a session's snapshot of one): each with a scale the screens can lay out (bounds
    /// within ±1000, the lowest below the highest), a finite weight of 0 or more, and a veto on its scale.
    static func criteria(_ raw: String, table: String, record: @autoclosure () -> String) throws -> [Criterion] {
        let criteria = try json([Criterion].self, raw, table: table, record: record(), field: "criteria")
        let bounds = NumberKind.scaleBound.range
        func usable(_ criterion: Criterion) -> Bool {
            let scale = bounds.contains(Double(criterion.scaleMin)) && bounds.contains(Double(criterion.scaleMax))
                && criterion.scaleMin < criterion.scaleMax
            let weight = criterion.weight.isFinite && criterion.weight >= 0
            let veto = criterion.veto.map { bounds.contains(Double($0.threshold)) } ?? true
            return scale && weight && veto
        }
        if let bad = criteria.first(where: { !usable($0) }) {
            throw unreadable(table, record(), "criteria", "\(bad.name) \(bad.scaleMin)-\(bad.scaleMax)")
        }
        return criteria
    }

    /// A weighing session's parts that the screens index by: at least one criterion (each with a usable scale), one idea
    /// and one participant. A session without participants (from an import or another tool) would otherwise crash the
    /// board the moment it is opened.
    static func sessionShape(criteria: [Criterion], ideas: [IdeaID], participants: [String], record: @autoclosure () -> String) throws {
        if criteria.isEmpty { throw unreadable("session", record(), "criteria", "[]") }
        if ideas.isEmpty { throw unreadable("session", record(), "ideas", "[]") }
        if participants.isEmpty { throw unreadable("session", record(), "participants", "[]") }
    }

    /// One stored score of a session: a known participant, idea and criterion, and a value on the criterion's scale.
    static func score(_ key: ScoreKey, _ value: Int, in session: WeighingSession, record: @autoclosure () -> String) throws {
        guard session.participants.indices.contains(key.participant), session.ideas.contains(key.idea),
              session.criteria.indices.contains(key.criterion), session.criteria[key.criterion].accepts(value) else {
            throw unreadable("session", record(), "score", "participant \(key.participant), idea \(key.idea.rawValue), "
                                 + "criterion \(key.criterion): \(value)")
        }
    }

    private static func unreadable(_ table: String, _ record: String, _ field: String, _ value: String) -> StorageError {
        .unreadableValue(table: table, record: record, field: field, value: value)
    }
}

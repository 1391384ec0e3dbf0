import Domain
import Foundation
import PostgresNIO

extension PostgresStore {
    /// All criteria sets, by name (ignoring ASCII case, as SQLite's NOCASE orders them).
    public func criteriaSets() throws -> [CriteriaSet] {
        try session.query("SELECT name, version, criteria FROM criteriaSet ORDER BY proeftuin_nocase(name) COLLATE \"C\"")
            .map(Self.criteriaSet(from:))
    }

    /// One criteria set by name (ignoring ASCII case).
    public func criteriaSet(_ name: String) throws -> CriteriaSet {
        // Names are stored cleaned (`createCriteriaSet`): looked up the same way, a name typed with stray codes still finds it.
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard let row = try storedCriteriaSet(clean) else { throw DomainError.unknownCriteriaSet(clean) }
        return try Self.criteriaSet(from: row)
    }

    /// The row of a criteria set by name (ignoring ASCII case), with whatever transaction is open.
    private func storedCriteriaSet(_ name: String) throws -> PostgresRandomAccessRow? {
        try session.query("SELECT name, version, criteria FROM criteriaSet WHERE proeftuin_nocase(name) = proeftuin_nocase(\(name))").first
    }

    private static func criteriaSet(from row: PostgresRandomAccessRow) throws -> CriteriaSet {
        let name = try row[0].decode(String.self)
        let criteria = try StoredValue.criteria(try row[2].decode(String.self), table: "criteriaSet", record: "criteria set '\(name)'")
        return CriteriaSet(name: name, version: try row[1].decode(Int.self), criteria: criteria)
    }

    /// Creates an empty set; refuses a name in use.
    public func createCriteriaSet(_ name: String) throws {
        let clean = TextSanitizer.singleLine(name).trimmingCharactersInWhitespace()
        guard !clean.isEmpty else { throw DomainError.emptyName }
        try saveCriteriaSet(CriteriaSet(name: clean), creating: true)
    }

    /// Stores a set (a new version of it) with its event row.
    public func saveCriteriaSet(_ set: CriteriaSet, creating: Bool = false) throws {
        let now = clock()
        try write {
            let stored = try storedCriteriaSet(set.name).map { try $0[1].decode(Int.self) }
            if creating, stored != nil { throw DomainError.criteriaSetExists(set.name) }
            if !creating {
                guard let stored else { throw DomainError.unknownCriteriaSet(set.name) }
                // A new version is made from the one the person saw: another program's version in between is not overwritten.
                guard stored == set.version - 1 else { throw DomainError.criteriaSetChangedSince(set.name, version: stored) }
            }
            // A saved set moves to the end of the table's order, as SQLite's INSERT OR REPLACE gives it a new rowid (the export's order).
            try session.execute("""
                INSERT INTO criteriaSet (name, version, criteria, updatedAt)
                VALUES (\(set.name), \(set.version), \(EventJSON.encode(set.criteria)), \(PostgresTime.text(now)))
                ON CONFLICT (proeftuin_nocase(name)) DO UPDATE
                SET name = excluded.name, version = excluded.version, criteria = excluded.criteria, updatedAt = excluded.updatedAt,
                    rowOrder = nextval('proeftuin_row_order')
                """)
            try appendEvent(idea: nil, kind: .criteriaChanged, after: EventJSON.encode(set), at: now)
        }
    }

    /// Carries out a change to one criterion on the set as stored, as a new version, in one transaction.
    @discardableResult
    public func changeCriteria(_ name: String, _ change: CriteriaChange) throws -> CriteriaSet {
        let now = clock()
        return try write {
            guard let row = try storedCriteriaSet(name) else { throw DomainError.unknownCriteriaSet(name) }
            let stored = try Self.criteriaSet(from: row)
            let changed = try stored.applying(change)
            try session.execute("""
                UPDATE criteriaSet SET version = \(changed.version), criteria = \(EventJSON.encode(changed.criteria)),
                updatedAt = \(PostgresTime.text(now)) WHERE proeftuin_nocase(name) = proeftuin_nocase(\(changed.name))
                """)
            try appendEvent(idea: nil, kind: .criteriaChanged, after: EventJSON.encode(changed), at: now)
            return changed
        }
    }

    // MARK: The council's values

    /// The name of the criteria set marked as the council's values, if any.
    public func valuesSetName() throws -> String? {
        try session.query("SELECT setName FROM councilValues WHERE id = 1").first?[0].decode(String.self)
    }

    /// Marks a stored criteria set as the council's values (replacing an earlier mark).
    public func markValuesSet(_ name: String) throws {
        let now = clock()
        try write {
            guard let stored = try storedCriteriaSet(name)?[0].decode(String.self) else { throw DomainError.unknownCriteriaSet(name) }
            try session.execute("""
                INSERT INTO councilValues (id, setName) VALUES (1, \(stored)) ON CONFLICT (id) DO UPDATE SET setName = excluded.setName
                """)
            try appendEvent(idea: nil, kind: .criteriaChanged, reason: "values: \(stored)", at: now)
        }
    }
}

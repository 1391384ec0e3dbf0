import PostgresNIO

/// Many rows of one table in one `INSERT`, for imports: one round trip per batch instead of one per row.
enum PostgresBatchInsert {
    /// The most values one statement binds (the protocol allows 65,535).
    static let maximumValues = 30_000

    /// `INSERT INTO table (columns) VALUES (…), (…)` of `rows`, each holding one value per column, in order.
    static func query(into table: String, columns: [String], rows: ArraySlice<[PostgresRecordEncoder.Value]>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        for row in rows {
            var marks: [String] = []
            for value in row {
                value.bind(to: &bindings)
                marks.append("$\(bindings.count)")
            }
            tuples.append("(" + marks.joined(separator: ", ") + ")")
        }
        let names = columns.map(PostgresRecordEncoder.quoted).joined(separator: ", ")
        return PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(names)) VALUES \(tuples.joined(separator: ", "))", binds: bindings)
    }

    /// Inserts `rows` in batches small enough for one statement each, in their order.
    static func insert(_ rows: [[PostgresRecordEncoder.Value]], into table: String, columns: [String], _ session: PostgresSession) throws {
        guard !rows.isEmpty else { return }
        let perBatch = max(1, min(1_000, maximumValues / max(1, columns.count)))
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + perBatch, rows.endIndex)
            try session.execute(query(into: table, columns: columns, rows: rows[start..<end]))
            start = end
        }
    }
}

import PostgresNIO

/// Many rows of one table in one `INSERT`, for imports and generated data: one round trip per batch instead of one per
/// row (parameters only: SQL text is never built from values). Either all rows at once (`insert`), or row by row into a
/// buffer sent whenever it is full (`add`, `flush`).
final class PostgresBatchInsert {
    /// The most values one statement binds (the protocol allows 65,535).
    static let maximumValues = 30_000

    private let session: PostgresSession
    private let table: String
    private let columns: [String]
    private var rows: [[PostgresRecordEncoder.Value]] = []
    /// Rows per statement.
    private let batchSize: Int

    init(_ session: PostgresSession, table: String, columns: [String]) {
        self.session = session
        self.table = table
        self.columns = columns
        batchSize = Self.rowsPerBatch(columns: columns.count)
    }

    /// Whether rows are waiting to be sent.
    var isPending: Bool { !rows.isEmpty }

    /// Adds a row (values in the order of the columns); returns true when the batch is full and must be sent.
    func add(_ row: [PostgresRecordEncoder.Value]) -> Bool {
        rows.append(row)
        return rows.count >= batchSize
    }

    /// Sends the rows held back, in the order they were added.
    func flush() throws {
        guard !rows.isEmpty else { return }
        try session.execute(Self.query(into: table, columns: columns, rows: rows[...]))
        rows.removeAll(keepingCapacity: true)
    }

    /// Rows per statement for a table of `columns` columns: at most 1,000, and well under the protocol's limit of values.
    static func rowsPerBatch(columns: Int) -> Int {
        max(1, min(1_000, maximumValues / max(1, columns)))
    }

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
        let perBatch = rowsPerBatch(columns: columns.count)
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + perBatch, rows.endIndex)
            try session.execute(query(into: table, columns: columns, rows: rows[start..<end]))
            start = end
        }
    }
}

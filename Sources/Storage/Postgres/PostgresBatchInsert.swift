import Foundation
import PostgresNIO

/// Rows for one table, sent as one multi-row INSERT per batch (parameters only: SQL text is never built from values).
final class PostgresBatchInsert {
    private let session: PostgresSession
    private let table: String
    private let columns: [String]
    private var rows: [[PostgresRecordEncoder.Value]] = []
    /// Rows per statement: well under PostgreSQL's 65,535 parameters.
    private let batchSize: Int

    init(_ session: PostgresSession, table: String, columns: [String]) {
        self.session = session
        self.table = table
        self.columns = columns
        batchSize = max(1, 20_000 / columns.count)
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
        var bindings = PostgresBindings()
        var tuples: [String] = []
        for row in rows {
            var placeholders: [String] = []
            for value in row {
                value.bind(to: &bindings)
                placeholders.append("$\(bindings.count)")
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let names = columns.map(PostgresRecordEncoder.quoted).joined(separator: ", ")
        try session.execute(PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(names)) VALUES \(tuples.joined(separator: ", "))", binds: bindings))
        rows.removeAll(keepingCapacity: true)
    }
}

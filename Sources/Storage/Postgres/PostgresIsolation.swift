/// The isolation level a transaction runs at.
enum PostgresIsolation {
    /// For every change: the server refuses (and the session retries) a transaction that could have seen another's work
    /// otherwise, so the same rules hold as on SQLite, where one writer runs at a time.
    case serializable
    /// For reads of several statements: one snapshot of the data for all of them; it never writes.
    case readOnlySnapshot

    var sql: String {
        switch self {
        case .serializable: "SERIALIZABLE"
        case .readOnlySnapshot: "REPEATABLE READ READ ONLY"
        }
    }
}

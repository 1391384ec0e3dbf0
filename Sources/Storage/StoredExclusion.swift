import Domain

/// One excluded participant as the `session.excluded` column stores it (a JSON array of these).
struct StoredExclusion: Codable, Equatable {
    var participant: Int
    var reason: String

    /// The column's text for a session's exclusions, by participant.
    static func encode(_ excluded: [Int: String]) -> String {
        EventJSON.encode(excluded.sorted { $0.key < $1.key }.map { StoredExclusion(participant: $0.key, reason: $0.value) })
    }

    /// The exclusions of a session with `participants` participants; throws `StorageError.unreadableValue` for text that is
    /// not such a list or names a participant the session does not have.
    static func decode(_ raw: String, participants: Int, record: String) throws -> [Int: String] {
        let list = try StoredValue.json([StoredExclusion].self, raw, table: "session", record: record, field: "excluded")
        var excluded: [Int: String] = [:]
        for item in list {
            guard (0..<participants).contains(item.participant), excluded[item.participant] == nil else {
                throw StorageError.unreadableValue(table: "session", record: record, field: "excluded", value: raw)
            }
            excluded[item.participant] = item.reason
        }
        return excluded
    }
}

import Domain
import GRDB

/// The `challenge` table row: one lokale opgave on the managed list.
struct ChallengeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "challenge"

    var name: String
    var summary: String
    var dataSource: String?
    var position: Int64

    var challenge: LocalChallenge { LocalChallenge(name: name, summary: summary, dataSource: dataSource) }
}

import Domain
import GRDB

/// The `intake` table row: how an idea from outside the team came in and was answered.
struct IntakeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "intake"

    var ideaId: Int64
    var receivedOn: String
    var status: String
    var triagedOn: String?
    var declineReason: String?
    var replyTo: String?
    var replySentOn: String?

    init(_ intake: Intake) {
        ideaId = intake.ideaID.rawValue
        receivedOn = intake.receivedOn.description
        status = intake.status.rawValue
        triagedOn = intake.triagedOn?.description
        declineReason = intake.declineReason
        replyTo = intake.replyTo
        replySentOn = intake.replySentOn?.description
    }

    /// The intake; throws `StorageError.unreadableValue` when a stored value cannot be read.
    var intake: Intake {
        get throws {
            let table = Self.databaseTableName
            let record = "intake of #\(ideaId)"
            return Intake(
                ideaID: IdeaID(ideaId),
                receivedOn: try StoredValue.day(receivedOn, table: table, record: record, field: "receivedOn"),
                status: try StoredValue.value(IntakeStatus.self, status, table: table, record: record, field: "status"),
                triagedOn: try StoredValue.day(triagedOn, table: table, record: record, field: "triagedOn"),
                declineReason: declineReason, replyTo: replyTo,
                replySentOn: try StoredValue.day(replySentOn, table: table, record: record, field: "replySentOn"))
        }
    }
}

import Domain
import Foundation

extension PostgresStore {
    /// Every stage's WIP limit: those stored with `wip set`, else the defaults.
    public func wipLimits() throws -> [Stage: WipLimit] {
        try wipLimitsInTransaction()
    }

    /// The same, read with whatever transaction is open.
    func wipLimitsInTransaction() throws -> [Stage: WipLimit] {
        var limits = defaultWipLimits
        for row in try session.query("SELECT * FROM wipLimit") {
            let limit = try PostgresRowDecoder.decode(WipLimitRecord.self, row, table: "wipLimit").wipLimit
            limits[limit.stage] = limit
        }
        return limits
    }

    /// Sets a stage's WIP limit (recorded in the event log).
    public func setWipLimit(_ limit: WipLimit) throws {
        guard limit.limit >= 1 else { throw DomainError.invalidLimit(limit.limit) }
        try NumberKind.wipLimit.check(limit.limit)
        let now = clock()
        try write {
            let before = try wipLimitsInTransaction()[limit.stage]
            try session.execute("""
                INSERT INTO wipLimit (stage, "limit", hard) VALUES (\(limit.stage.rawValue), \(limit.limit), \(limit.hard))
                ON CONFLICT (stage) DO UPDATE SET "limit" = excluded."limit", hard = excluded.hard
                """)
            try appendEvent(idea: nil, kind: .wipLimitSet, before: before.map(EventJSON.encode), after: EventJSON.encode(limit), at: now)
        }
    }
}

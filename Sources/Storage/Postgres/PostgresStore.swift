import Domain
import Foundation
import PostgresNIO

/// The portfolio on a PostgreSQL server: the same reads and changes as the SQLite store (`AppDatabase`), each change in one
/// serializable transaction with its event-log row.
///
/// Work in progress (issue 12): it does not yet implement all of `Store`, so it is not offered to users; docs/postgresql.md
/// lists what is done and what is left.
public final class PostgresStore: Sendable {
    public let location: PostgresLocation
    /// Recorded as the actor of every event this store writes.
    public let actor: String
    /// Recorded as the program of every event this store writes (`board`, `cli` …).
    public let program: String
    let session: PostgresSession
    let clock: @Sendable () -> Date
    /// WIP limits used where none was stored with `wip set`: the brief's defaults, overridden by the config file.
    let defaultWipLimits: [Stage: WipLimit]
    /// The change counter as this program last knew it: moved on by its own writes, and by `outsideChange()`.
    let knownChanges = ChangeCounterMark()
    /// Set when another connection's change to this schema was notified, cleared by `outsideChange()`.
    let notified = NotificationFlag()
    /// The board filter's folded texts, kept for one state of the data (as on SQLite).
    let searchCache = BoardSearchCache()

    private init(location: PostgresLocation, session: PostgresSession, actor: String, program: String,
                 clock: @escaping @Sendable () -> Date, defaultWipLimits: [Stage: WipLimit]) {
        self.location = location
        self.session = session
        self.actor = actor
        self.program = program
        self.clock = clock
        self.defaultWipLimits = defaultWipLimits
    }

    /// Connects, brings the schema up to date (once, whoever else opens it at the same time) and listens for other
    /// programs' changes. `schema` (created when missing) keeps tests apart; people use the database's `public` schema.
    public static func open(
        _ location: PostgresLocation, actor: String, program: String = "cli", clock: @escaping @Sendable () -> Date = { Date() },
        defaultWipLimits: [Stage: WipLimit] = [:], schema: String? = nil
    ) throws -> PostgresStore {
        let session = try PostgresSession.connect(location, schema: schema)
        do {
            try PostgresSchema.migrate(session)
            let store = PostgresStore(location: location, session: session, actor: actor, program: program, clock: clock,
                                      defaultWipLimits: WipLimit.defaults.merging(defaultWipLimits) { $1 })
            let own = session.backendPID
            let schemaName = session.schema
            let flag = store.notified
            try session.listen(PostgresSchema.channel) { sender, payload in
                if sender != own, payload == schemaName { flag.raise() }
            }
            store.knownChanges.set(try store.changeCounter())
            return store
        } catch {
            session.close()
            throw error
        }
    }

    /// Closes the connection.
    public func close() { session.close() }

    /// Today in the local calendar, by this store's clock.
    public func today() -> DayDate { DayDate.local(clock()) }

    // MARK: Transactions

    /// Runs several reads on one snapshot of the data.
    func read<T>(_ body: () throws -> T) throws -> T {
        try session.transaction(.readOnlySnapshot, body)
    }

    /// Runs one change in a serializable transaction, tried again from the start when it conflicts with another program's.
    ///
    /// The change counter is read before and after: a serializable transaction that commits saw no one else's change in
    /// between, so the difference is this store's own, and its own changes never look like changes made elsewhere.
    func write<T>(_ body: () throws -> T) throws -> T {
        var counts: (before: Int64, after: Int64) = (0, 0)
        let result = try session.transaction(.serializable) {
            let before = try changeCounter()
            let result = try body()
            counts = (before, try changeCounter())
            return result
        }
        knownChanges.advance(from: counts.before, to: counts.after)
        return result
    }

    /// Runs a write of many rows (an import) as `write` does, counting it as one change: the row triggers leave the
    /// change counter alone for this transaction (`PostgresSchema.bulkWriteSetting`) and it is moved on once at the end.
    func bulkWrite<T>(_ body: () throws -> T) throws -> T {
        try write {
            try session.execute("SELECT set_config(\(PostgresSchema.bulkWriteSetting), 'on', true)")
            let result = try body()
            try session.execute("SELECT set_config(\(PostgresSchema.bulkWriteSetting), 'off', true)")
            try session.execute("UPDATE changeCounter SET value = value + 1 WHERE id = 1")
            return result
        }
    }

    /// The value of the change counter that every write to a counted table moves on.
    func changeCounter() throws -> Int64 {
        let rows = try session.query("SELECT value FROM changeCounter WHERE id = 1")
        return try rows.first?[0].decode(Int64.self) ?? 0
    }

    /// Appends one event-log row inside the current transaction.
    func appendEvent(idea: IdeaID?, kind: EventKind, reason: String? = nil, before: String? = nil, after: String? = nil, at: Date) throws {
        let event = EventRecord(id: nil, at: at, actor: actor, ideaId: idea?.rawValue, kind: kind.rawValue, reason: reason, before: before,
                                after: after, program: program)
        try session.execute(PostgresRecordEncoder.insert(event, into: "event", omitting: ["id"]))
    }

    // MARK: Changes made elsewhere

    /// Whether another program changed anything since this store last looked or wrote; its own writes never count.
    /// Costs nothing until the server notifies a change by another connection (LISTEN/NOTIFY); then the change counter
    /// is read once, so a notified change this store has already seen through its own write is not reported twice.
    public func outsideChange() throws -> Bool {
        guard notified.lower() else { return false }
        return knownChanges.take(try changeCounter())
    }

    /// The data's version (the change counter): the same as long as nothing was written, here or elsewhere.
    public func dataVersion() throws -> Int64 {
        try changeCounter()
    }
}

import Domain
import Foundation
import PostgresNIO

/// The portfolio on a PostgreSQL server: the same reads and changes as the SQLite store (`AppDatabase`), each change in one
/// serializable transaction with its event-log row.
///
/// Chosen with `--database`, `PROEFTUIN_DATABASE_URL` or `database =` in config.toml (`Workspace.open(_:server:…)`);
/// docs/postgresql.md has the design.
public final class PostgresStore: Store, Sendable {
    public let location: PostgresLocation
    /// The user's local data directory: the data is on the server, but config.toml, drafts of typed text and the
    /// copies the user exports stay here (and `forget` reaches those copies through it).
    public let directory: DataDirectory
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
    /// Set when a lost connection was made again (changes may have been missed meanwhile), cleared by `outsideChange()`.
    let reconnected = NotificationFlag()
    /// The board filter's folded texts, kept for one state of the data (as on SQLite).
    let searchCache = BoardSearchCache()
    /// The board's column counts, kept for one state of the data (as on SQLite).
    let countCache = BoardCountCache()

    private init(location: PostgresLocation, directory: DataDirectory, session: PostgresSession, actor: String, program: String,
                 clock: @escaping @Sendable () -> Date, defaultWipLimits: [Stage: WipLimit]) {
        self.location = location
        self.directory = directory
        self.session = session
        self.actor = actor
        self.program = program
        self.clock = clock
        self.defaultWipLimits = defaultWipLimits
    }

    /// Connects, brings the schema up to date (once, whoever else opens it at the same time) and listens for other
    /// programs' changes. `directory` is the user's local data directory (created when missing). `schema` (created when
    /// missing) keeps tests apart; people use the database's `public` schema.
    public static func open(
        _ location: PostgresLocation, directory: DataDirectory, actor: String, program: String = "cli",
        clock: @escaping @Sendable () -> Date = { Date() }, defaultWipLimits: [Stage: WipLimit] = [:], schema: String? = nil
    ) throws -> PostgresStore {
        try directory.create()
        let session = try PostgresSession.connect(location, schema: schema)
        do {
            try PostgresSchema.migrate(session)
            let store = PostgresStore(location: location, directory: directory, session: session, actor: actor, program: program,
                                      clock: clock, defaultWipLimits: WipLimit.defaults.merging(defaultWipLimits) { $1 })
            try store.listen()
            store.knownChanges.set(try store.changeCounter())
            return store
        } catch {
            session.close()
            throw error
        }
    }

    /// The same portfolio for a second front end in this process (the participants' page beside the board), on a
    /// connection of its own, made at its first query: its changes are recorded with `program`, and each store sees the
    /// other's changes as made elsewhere. It starts from the change counter as it is now.
    public func sibling(program: String) -> any Store {
        let sibling = PostgresStore(location: location, directory: directory, session: .unconnected(location, schema: session.schema),
                                    actor: actor, program: program, clock: clock, defaultWipLimits: defaultWipLimits)
        sibling.knownChanges.set((try? changeCounter()) ?? 0)
        // Listening starts when it connects; the first `outsideChange()` then compares the counter (nothing is missed).
        try? sibling.listen()
        return sibling
    }

    /// Listens for other connections' changes to this schema, on every connection the session makes, and learns of a
    /// connection made again.
    private func listen() throws {
        let flag = notified
        let again = reconnected
        let session = session
        let schemaName = session.schema
        session.onConnect = { replacing in
            // Whatever happened while there was no listener: a reconnection reports a change, a first connection
            // (a sibling's) compares the counter.
            if replacing { again.raise() } else { flag.raise() }
        }
        try session.listen(PostgresSchema.channel) { [weak session] sender, payload in
            if sender != session?.backendPID, payload == schemaName { flag.raise() }
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
    ///
    /// A lost connection is made again here (once): on success it reports a change, since changes made meanwhile were
    /// not notified (a board then reloads); on failure it throws `cannotConnect`.
    public func outsideChange() throws -> Bool {
        if !session.isConnected { _ = try changeCounter() }
        if reconnected.lower() {
            _ = notified.lower()
            knownChanges.set(try changeCounter())
            return true
        }
        guard notified.lower() else { return false }
        return knownChanges.take(try changeCounter())
    }

    /// The data's version (the change counter): the same as long as nothing was written, here or elsewhere.
    public func dataVersion() throws -> Int64 {
        try changeCounter()
    }
}

import Foundation

extension AppDatabase {
    /// The same open database for a second front end in this process (the participants' page beside the board): its
    /// changes are recorded with `program`, and each instance sees the other's changes as made elsewhere (its own change
    /// mark), so the board's change watcher picks up the page's scores.
    ///
    /// Never open the same file a second time in one process instead: `open` reads the file's header through a plain
    /// file handle, and closing any descriptor of a file drops every POSIX lock the process holds on it, the first
    /// pool's included. Another program may then take the database for unused, checkpoint and remove the write-ahead
    /// log, and the first pool's next writes are lost (seen: an undo on the board that vanished).
    public func sibling(program: String) -> any Store {
        let sibling = AppDatabase(directory: directory, pool: pool, actor: actor, program: program, clock: clock,
                                  defaultWipLimits: defaultWipLimits)
        sibling.knownChanges.set((try? pool.read(Self.changeCounter)) ?? 0)
        return sibling
    }
}

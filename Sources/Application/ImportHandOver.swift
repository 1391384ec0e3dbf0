import Foundation

/// Hands batches from an import's reading thread to its writing thread, at most a few batches ahead: the file is read,
/// checked and compared with the other titles on one core while the rows are written on the other, and memory stays
/// flat in the file's size.
final class ImportHandOver<Item: Sendable, Outcome: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var end: Result<Outcome, any Error>?
    private var cancelled = false
    private let ahead: Int

    /// A hand-over that lets the reader run at most `ahead` batches ahead of the writer.
    init(ahead: Int = 4) {
        self.ahead = ahead
    }

    /// The reader hands over a batch, waiting while `ahead` batches wait; false when the writer gave up (stop reading).
    func put(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= ahead && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The reader's last word, once: what it read everything into, or why it stopped.
    func finish(_ result: Result<Outcome, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        end = result
        condition.broadcast()
    }

    /// The writer's next batch, nil once the reader finished and every batch was taken; throws why the reader stopped.
    func take() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && end == nil { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        _ = try end?.get()
        return nil
    }

    /// What the reader finished with, once `take()` returned nil.
    var outcome: Outcome? {
        condition.lock()
        defer { condition.unlock() }
        return try? end?.get()
    }

    /// The writer gives up: the reader stops at its next hand-over; returns once the reader has finished.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while end == nil { condition.wait() }
    }
}

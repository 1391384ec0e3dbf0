import Domain
import Foundation

/// The board filter's folded text of every idea on the board, in board order per stage, kept for one state of the data
/// (the change counter): folding every title once per change instead of once per keystroke.
final class BoardSearchCache: @unchecked Sendable {
    /// One idea as the filter sees it: its id and the folded text of its id, title, theme and tags.
    struct Entry {
        let id: Int64
        let text: String
    }

    private let lock = NSLock()
    private var version: Int64?
    private var entries: [Stage: [Entry]] = [:]

    /// The entries for the data at `version`, built by `build` when the held ones are for another state of the data.
    func entries(version: Int64, build: () throws -> [Stage: [Entry]]) rethrows -> [Stage: [Entry]] {
        lock.lock()
        if self.version == version {
            defer { lock.unlock() }
            return entries
        }
        lock.unlock()
        let built = try build()
        lock.lock()
        self.version = version
        entries = built
        lock.unlock()
        return built
    }
}

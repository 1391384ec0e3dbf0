import Domain
import Foundation

/// The board filter's folded text of every idea on the board, in board order per stage, kept for one state of the data
/// (the change counter). A new state reads the rows again but folds only the texts that changed (a move or a reorder
/// folds nothing), so the first filter key after a change costs a read, not folding every title again.
final class BoardSearchCache: @unchecked Sendable {
    /// One idea as the filter sees it: its id and the folded text of its id, title, theme and tags.
    struct Entry {
        let id: Int64
        let text: String
    }

    /// The stored text a folded text was made from (title, theme and tags as stored), and the folded text.
    private struct Folded {
        let source: String
        let text: String
    }

    private let lock = NSLock()
    private var version: Int64?
    private var entries: [Stage: [Entry]] = [:]
    private var folded: [Int64: Folded] = [:]

    /// The ids of the entries whose text holds every word of `words`, per stage in board order; with `waiting`, only
    /// those ids (the inbox filter). Stages without a match are left out.
    static func matching(_ entries: [Stage: [Entry]], words: [String], waiting: Set<Int64>?) -> [Stage: [Int64]] {
        let wanted = words.map { Substring($0) }
        var matching: [Stage: [Int64]] = [:]
        for (stage, list) in entries {
            var ids: [Int64] = []
            for entry in list where waiting.map({ $0.contains(entry.id) }) ?? true && TextSearch.contains(entry.text, every: wanted) {
                ids.append(entry.id)
            }
            if !ids.isEmpty { matching[stage] = ids }
        }
        return matching
    }

    /// The entries for the data at `version`. When the held ones are for another state, `build` reads every row and asks
    /// `fold(id, source, make)` for each idea's folded text: the one kept when its stored text is the same, else `make()`.
    func entries(
        version: Int64, build: (_ fold: (Int64, String, () throws -> String) throws -> String) throws -> [Stage: [Entry]]
    ) rethrows -> [Stage: [Entry]] {
        lock.lock()
        if self.version == version {
            defer { lock.unlock() }
            return entries
        }
        let previous = folded
        lock.unlock()
        var next: [Int64: Folded] = [:]
        next.reserveCapacity(previous.count)
        let built = try build { id, source, make in
            if let kept = previous[id], kept.source == source {
                next[id] = kept
                return kept.text
            }
            let text = try make()
            next[id] = Folded(source: source, text: text)
            return text
        }
        lock.lock()
        self.version = version
        entries = built
        folded = next
        lock.unlock()
        return built
    }
}

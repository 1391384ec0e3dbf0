import Foundation

/// Notices changes other programs make to the portfolio, at most once per interval, never the program's own.
public struct ChangeWatcher: Sendable {
    public let workspace: Workspace
    /// How often to look, in seconds.
    public let interval: TimeInterval
    private var lastLook: Date
    /// Whether a failure to look (a database replaced by a restore, a damaged file) was already reported by a reload.
    private var reportedFailure = false

    public init(workspace: Workspace, interval: TimeInterval = 0.25, now: Date = Date()) {
        self.workspace = workspace
        self.interval = interval
        self.lastLook = now
    }

    /// True when the interval has passed and another program changed something since the last look.
    public mutating func poll(now: Date = Date()) -> Bool {
        guard now.timeIntervalSince(lastLook) >= interval else { return false }
        lastLook = now
        do {
            let changed = try workspace.outsideChange()
            reportedFailure = false
            return changed
        } catch {
            // Once: the reload that follows fails the same way and shows why; no reload loop.
            defer { reportedFailure = true }
            return !reportedFailure
        }
    }
}

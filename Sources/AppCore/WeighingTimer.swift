import Foundation

/// The optional visible timer of a weighing session: time spent on the current idea, or on the round.
public struct WeighingTimer: Equatable, Sendable {
    /// What the timer measures.
    public enum Scope: Equatable, Sendable {
        /// Restarts whenever the facilitator moves to another idea.
        case idea
        /// Runs for the round; restarts when a re-vote round starts.
        case round
    }

    public var scope: Scope
    public var startedAt: Date
    /// The idea row (scope `.idea`) or the round (scope `.round`) the timer started on.
    public var mark: Int

    public init(scope: Scope, startedAt: Date, mark: Int) {
        self.scope = scope
        self.startedAt = startedAt
        self.mark = mark
    }

    /// `mm:ss` since the start, at `now`.
    public func elapsed(at now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(startedAt)))
        let minutes = seconds / 60
        return (minutes < 10 ? "0" : "") + "\(minutes):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
}

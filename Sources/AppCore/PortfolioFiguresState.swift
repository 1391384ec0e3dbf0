import Domain

/// What the board knows of the portfolio's figures, which are computed in the background (off the key path): the
/// data they are wanted for, and the last figures that arrived.
public struct PortfolioFiguresState: Equatable, Sendable {
    /// The state of the data the figures are wanted for; nil until the run loop first reports it (then `p` computes the
    /// figures on the spot, as a program without a background worker does).
    public private(set) var wanted: PortfolioFiguresKey?
    /// The last figures that arrived, perhaps for older data.
    public private(set) var latest: PortfolioFigures?
    /// Whether the figures for `wanted` were left to be asked for when the view opens (the data changed in the room).
    public private(set) var deferred = false

    public init() {}

    /// The figures for the data as it is now; nil while they are being computed. Older figures are never current.
    public var current: PortfolioMetrics? {
        guard let wanted, let latest, latest.key == wanted else { return nil }
        return latest.metrics
    }

    /// Whether the figures are computed in the background, so the view waits for them instead of reading them.
    public var inBackground: Bool { wanted != nil }

    /// The data is now in this state: true when figures for it must be computed now (they are neither there nor on their
    /// way). Without `now` they are left until the view opens (`takeDeferred`).
    mutating func want(_ key: PortfolioFiguresKey, now: Bool = true) -> Bool {
        if key == wanted {
            guard deferred, now else { return false }
            deferred = false
            return latest?.key != key
        }
        wanted = key
        let needed = latest?.key != key
        deferred = needed && !now
        return needed && now
    }

    /// The data whose figures were left until the view opens, once (nil when nothing was left).
    mutating func takeDeferred() -> PortfolioFiguresKey? {
        guard deferred, let wanted else { return nil }
        deferred = false
        return wanted
    }

    /// Figures arrived; kept when they are for the data as it is now, or for newer data the run loop has not reported yet
    /// (read after a change it is about to see). Older ones are dropped: newer ones are on their way.
    mutating func receive(_ figures: PortfolioFigures) {
        guard let wanted else { return }
        if figures.key == wanted || (figures.key.today == wanted.today && figures.key.version > wanted.version
                                        && figures.key.version > (latest?.key.version ?? .min)) {
            latest = figures
        }
    }
}

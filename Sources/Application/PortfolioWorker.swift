import AppCore
import Domain
import Foundation

/// Computes the portfolio's figures on a background thread, off the key path, and keeps what it finds in a mailbox the
/// board's run loop empties on every pass (as events for the reducer). One computation at a time: a request while one
/// runs waits, and only the newest waiting request is done.
public final class PortfolioWorker: @unchecked Sendable {
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "proeftuin.portfolio-figures", qos: .utility)
    private var runner: EffectRunner?
    /// The runner the background computations read through: on a connection of their own where the store has
    /// connections (a server), so a key's read never waits for them.
    private var background: EffectRunner?
    /// Events waiting for the run loop.
    private var mailbox: [Event] = []
    /// The data state being computed now, and the newest one asked for meanwhile.
    private var running: PortfolioFiguresKey?
    private var waiting: PortfolioFiguresKey?
    /// The data state the run loop last reported to the reducer.
    private var seen: PortfolioFiguresKey?

    public init() {}

    /// Connects the worker to the runner whose reads it does (the runner holds the worker in turn, to hand it work);
    /// the figures themselves are read through `background` when given.
    public func attach(_ runner: EffectRunner, background: EffectRunner? = nil) {
        lock.withLock {
            self.runner = runner
            self.background = background
        }
    }

    /// How long a computation waits after it is asked for, so a run of changes (reorders typed one after another) is
    /// computed once, after it, and never competes with the keys that make it.
    static let settle: DispatchTimeInterval = .milliseconds(300)

    /// Starts computing the figures for this state of the data, unless that is what runs now.
    public func start(_ key: PortfolioFiguresKey) {
        lock.withLock {
            if running == nil {
                running = key
                queue.asyncAfter(deadline: .now() + Self.settle) { self.compute(key) }
            } else if running != key {
                waiting = key
            }
        }
    }

    /// What the run loop hands the reducer on each pass: the data's state when it changed since the last pass, then
    /// whatever the background computations delivered. Cheap: one read of the change counter.
    public func exchange() -> [Event] {
        guard let runner = lock.withLock({ self.runner }) else { return [] }
        let now = try? runner.dataKey()
        return lock.withLock {
            var events: [Event] = []
            if let now, now != seen {
                seen = now
                events.append(.dataSeen(now))
            }
            events += mailbox
            mailbox.removeAll()
            return events
        }
    }

    /// One pass of a board's run loop, after its frame: hands the reducer what `exchange` found, performs the effects
    /// that follow (handing the computation to this worker, never blocking), and says whether the frame must be drawn
    /// again (the portfolio view is open, or a failure is to be shown).
    public func deliver(into state: inout AppState, runner: EffectRunner) -> Bool {
        let events = exchange()
        guard !events.isEmpty else { return false }
        let message = state.message
        var pending: [Effect] = []
        for event in events { pending += Reducer.reduce(&state, event) }
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if effect == .quit { continue }
            for event in runner.perform(effect) { pending += Reducer.reduce(&state, event) }
        }
        if case .portfolio = state.mode { return true }
        return state.message != message
    }

    /// Whether a computation runs or waits.
    public var isBusy: Bool { lock.withLock { running != nil || waiting != nil } }

    /// Runs a computation on a thread made for it, so its priority can drop to the idle class without a thread of the
    /// dispatch pool, which other work shares, keeping that priority after.
    private func compute(_ key: PortfolioFiguresKey) {
        Thread { self.run(key) }.start()
    }

    private func run(_ asked: PortfolioFiguresKey) {
        BackgroundPriority.idleCurrentThread()
        // Asked for again while settling: compute the newest state only.
        let key = lock.withLock {
            guard let newer = waiting else { return asked }
            running = newer
            waiting = nil
            return newer
        }
        guard let runner = lock.withLock({ self.background ?? self.runner }) else { return }
        let events = Self.outcome(of: runner, key)
        lock.withLock {
            mailbox += events
            if let next = waiting, next != key {
                running = next
                queue.asyncAfter(deadline: .now() + Self.settle) { self.compute(next) }
            } else {
                running = nil
            }
            waiting = nil
        }
    }

    /// The event one computation ends in: the figures (labelled with the data version they were read at), or why they
    /// could not be read.
    static func outcome(of runner: EffectRunner, _ key: PortfolioFiguresKey) -> [Event] {
        do {
            guard let figures = try runner.figures(for: key.today) else { return [] }
            return [.portfolioComputed(figures)]
        } catch {
            return [.loadFailed(runner.failure(error))]
        }
    }
}

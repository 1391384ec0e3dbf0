import Foundation

/// Keeps a burst of requests from piling up: each link may have at most `perLink` requests in flight (so one holder, or
/// an attacker with one link, can never take every slot), at most `maxInFlight` are in flight in all, and each link may
/// make `perSecond` requests a second (bursts up to `burst`). The rest are turned away at once, without touching the
/// database, so the facilitator's board never waits behind a flood. Only links this server shares ever get here.
actor RequestGate {
    /// Why a request may not go on.
    enum Refusal: Error, Equatable {
        /// Too many requests in flight, for this link or in all (HTTP 503).
        case busy
        /// Too many requests for this link (HTTP 429).
        case tooMany
    }

    private let perLink: Int
    private let maxInFlight: Int
    private let perSecond: Double
    private let burst: Double
    private var inFlight: [String: Int] = [:]
    private var total = 0
    private var buckets: [String: (tokens: Double, at: Date)] = [:]

    init(perLink: Int = 2, maxInFlight: Int = 64, perSecond: Double = 10, burst: Double = 30) {
        self.perLink = perLink
        self.maxInFlight = maxInFlight
        self.perSecond = perSecond
        self.burst = burst
    }

    /// Lets a request for `link` in (call `leave(link:)` when done) or refuses it.
    func enter(link: String, now: Date = Date()) throws(Refusal) {
        guard total < maxInFlight, inFlight[link, default: 0] < perLink else { throw .busy }
        if buckets.count > 10_000 { buckets.removeAll() }  // bounded, though only shared links get here
        var bucket = buckets[link] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + now.timeIntervalSince(bucket.at) * perSecond)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[link] = bucket
            throw .tooMany
        }
        bucket.tokens -= 1
        buckets[link] = bucket
        inFlight[link, default: 0] += 1
        total += 1
    }

    /// Marks a request for `link` admitted by `enter` as done.
    func leave(link: String) {
        let left = inFlight[link, default: 0] - 1
        inFlight[link] = left > 0 ? left : nil
        total = max(0, total - 1)
    }
}

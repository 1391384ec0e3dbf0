import Foundation

/// Keeps a burst of requests from piling up: at most `maxInFlight` requests use the database at once, and each link
/// may make `perSecond` requests a second (bursts up to `burst`). The rest are turned away at once, without touching
/// the database, so the facilitator's board never waits behind a flood.
actor RequestGate {
    /// Why a request may not go on.
    enum Refusal: Error, Equatable {
        /// Too many requests in flight (HTTP 503).
        case busy
        /// Too many requests for this link (HTTP 429).
        case tooMany
    }

    private let maxInFlight: Int
    private let perSecond: Double
    private let burst: Double
    private var inFlight = 0
    private var buckets: [String: (tokens: Double, at: Date)] = [:]

    init(maxInFlight: Int = 8, perSecond: Double = 10, burst: Double = 30) {
        self.maxInFlight = maxInFlight
        self.perSecond = perSecond
        self.burst = burst
    }

    /// Lets a request in (call `leave()` when done) or refuses it.
    func enter(link: String, now: Date = Date()) throws(Refusal) {
        guard inFlight < maxInFlight else { throw .busy }
        if buckets.count > 10_000 { buckets.removeAll() }  // a flood of made-up links cannot grow this without bound
        var bucket = buckets[link] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + now.timeIntervalSince(bucket.at) * perSecond)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[link] = bucket
            throw .tooMany
        }
        bucket.tokens -= 1
        buckets[link] = bucket
        inFlight += 1
    }

    /// Marks a request admitted by `enter` as done.
    func leave() {
        inFlight = max(0, inFlight - 1)
    }
}

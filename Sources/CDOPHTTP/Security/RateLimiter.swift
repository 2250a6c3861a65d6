import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// A limit on how often one client (an address, or an address and a link) may ask for something.
package protocol RequestLimiter: Sendable {
    /// Takes one request from `key`'s allowance at `now`; false when it is used up (the caller answers 429).
    func allow(_ key: String, now: Date) async -> Bool
    /// Gives back the request `allow` took from `key`: a request refused for its content (a notification with
    /// errors to correct) does not use up the limit as a success does, since a trust's staff share one address.
    func refund(_ key: String) async
    /// Seconds until `key` may try again.
    func retryAfter(_ key: String) async -> Int
}

/// Token buckets keyed by client, kept in this server's memory: `capacity` requests at once, refilled at
/// `perMinute`. Time comes in as a parameter, so tests drive it; idle buckets are forgotten. Right for one
/// server; servers sharing a database share their buckets there (`SharedRateLimiter`).
package actor RateLimiter: RequestLimiter {
    package let capacity: Double
    package let perMinute: Double
    private var buckets: [String: TokenBucket] = [:]
    private var lastSweep = Date.distantPast

    package init(capacity: Int, perMinute: Int) {
        self.capacity = Double(capacity)
        self.perMinute = Double(perMinute)
    }

    init(_ allowance: (name: String, capacity: Int, perMinute: Int)) {
        self.init(capacity: allowance.capacity, perMinute: allowance.perMinute)
    }

    package func allow(_ key: String, now: Date) -> Bool {
        sweep(now)
        var bucket = buckets[key] ?? TokenBucket(capacity: capacity, now: now)
        let allowed = bucket.take(now: now, capacity: capacity, perMinute: perMinute)
        buckets[key] = bucket
        return allowed
    }

    package func refund(_ key: String) {
        buckets[key]?.giveBack(capacity: capacity)
    }

    package func retryAfter(_ key: String) -> Int {
        buckets[key]?.retryAfter(perMinute: perMinute) ?? 0
    }

    private func sweep(_ now: Date) {
        guard now.timeIntervalSince(lastSweep) > 600 else { return }
        lastSweep = now
        buckets = buckets.filter { !$0.value.isFull(at: now, capacity: capacity, perMinute: perMinute) }
    }
}

/// The server's limits: the public notification form, sign-in and practitioner links per client address.
package struct RateLimits: Sendable {
    /// Notifications accepted: a burst of 5, then one a minute, per address (one refused for its content is given back).
    package let notifications: any RequestLimiter
    /// Sign-in attempts per address, whatever the username (each username is also held back per address after
    /// repeated failures: `SignInThrottle`).
    package let signIn: any RequestLimiter
    /// Practitioner-link requests per address: a token cannot be guessed, and cannot be tried at speed either.
    package let links: any RequestLimiter

    /// Each limit's name, burst and requests a minute.
    static let allowances = (
        notifications: ("notifications", 5, 1), signIn: ("sign-in", 10, 5), links: ("links", 30, 30)
    )

    package init(
        notifications: any RequestLimiter = RateLimiter(allowances.notifications),
        signIn: any RequestLimiter = RateLimiter(allowances.signIn),
        links: any RequestLimiter = RateLimiter(allowances.links)
    ) {
        self.notifications = notifications
        self.signIn = signIn
        self.links = links
    }

    /// The same limits for `engine`: in this server's memory on the embedded SQLite file (one server), in the
    /// database on PostgreSQL, where several servers answer the same clients.
    package init(for engine: Engine) {
        guard engine.store.engine == .postgres else {
            self.init()
            return
        }
        let (store, allowances) = (engine.store, Self.allowances)
        self.init(
            notifications: SharedRateLimiter(allowances.notifications, store: store),
            signIn: SharedRateLimiter(allowances.signIn, store: store),
            links: SharedRateLimiter(allowances.links, store: store))
    }
}

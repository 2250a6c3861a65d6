import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Token buckets keyed by client (address, or address and link): `capacity` requests at once, refilled at
/// `perMinute`. Time comes in as a parameter, so tests drive it; idle buckets are forgotten.
package actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    package let capacity: Double
    package let perMinute: Double
    private var buckets: [String: Bucket] = [:]
    private var lastSweep = Date.distantPast

    package init(capacity: Int, perMinute: Int) {
        self.capacity = Double(capacity)
        self.perMinute = Double(perMinute)
    }

    /// Takes one request from `key`'s bucket; false when it is empty (the caller answers 429).
    package func allow(_ key: String, now: Date) -> Bool {
        sweep(now)
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(capacity, bucket.tokens + elapsed * perMinute / 60)
        bucket.updated = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        buckets[key] = bucket
        return allowed
    }

    /// Gives back the request `allow` took from `key`'s bucket: a request refused for its content (a notification
    /// with errors to correct) does not use up the limit as a success does, since a trust's staff share one address.
    package func refund(_ key: String) {
        guard var bucket = buckets[key] else { return }
        bucket.tokens = min(capacity, bucket.tokens + 1)
        buckets[key] = bucket
    }

    /// Seconds until `key` may try again.
    package func retryAfter(_ key: String) -> Int {
        guard let bucket = buckets[key], bucket.tokens < 1 else { return 0 }
        return Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up))
    }

    private func sweep(_ now: Date) {
        guard now.timeIntervalSince(lastSweep) > 600 else { return }
        lastSweep = now
        let full = capacity * 60 / perMinute
        buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < full }
    }
}

/// The server's limits: the public notification form, sign-in and practitioner links per client address.
package struct RateLimits: Sendable {
    /// Notifications accepted: a burst of 5, then one a minute, per address (one refused for its content is given back).
    package let notifications: RateLimiter
    /// Sign-in attempts per address, whatever the username (each username is also held back per address after
    /// repeated failures: `SignInThrottle`).
    package let signIn: RateLimiter
    /// Practitioner-link requests per address: a token cannot be guessed, and cannot be tried at speed either.
    package let links: RateLimiter

    package init(
        notifications: RateLimiter = RateLimiter(capacity: 5, perMinute: 1),
        signIn: RateLimiter = RateLimiter(capacity: 10, perMinute: 5),
        links: RateLimiter = RateLimiter(capacity: 30, perMinute: 30)
    ) {
        self.notifications = notifications
        self.signIn = signIn
        self.links = links
    }
}

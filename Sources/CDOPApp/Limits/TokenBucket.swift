import Foundation

/// One client's allowance: up to `capacity` requests at once, refilled at `perMinute`. A value: the server's
/// limiters keep buckets in memory (one server) or in the database (several servers on one database).
package struct TokenBucket: Sendable, Equatable {
    package var tokens: Double
    package var updated: Date

    /// A full bucket at `now`.
    package init(capacity: Double, now: Date) {
        tokens = capacity
        updated = now
    }

    package init(tokens: Double, updated: Date) {
        self.tokens = tokens
        self.updated = updated
    }

    /// Refills for the time since it was last used, then takes one request if there is one; false when empty.
    package mutating func take(now: Date, capacity: Double, perMinute: Double) -> Bool {
        let elapsed = max(0, now.timeIntervalSince(updated))
        tokens = min(capacity, tokens + elapsed * perMinute / 60)
        updated = max(updated, now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Gives back one request taken (never above `capacity`).
    package mutating func giveBack(capacity: Double) {
        tokens = min(capacity, tokens + 1)
    }

    /// Seconds until the bucket holds a whole request again (0 when it does).
    package func retryAfter(perMinute: Double) -> Int {
        guard tokens < 1 else { return 0 }
        return Int(((1 - tokens) * 60 / perMinute).rounded(.up))
    }

    /// Whether an unused bucket is full again by `now`, so it need not be kept.
    package func isFull(at now: Date, capacity: Double, perMinute: Double) -> Bool {
        now.timeIntervalSince(updated) >= capacity * 60 / perMinute
    }
}

import CDOPApp
import CDOPProjections
import CDOPStore
import Foundation
import Synchronization

/// Token buckets kept in the database, so servers that share one database (PostgreSQL) hold each client to one
/// allowance between them: a client cannot multiply its attempts by the number of servers behind the balancer.
///
/// Each request's read-and-update is one short transaction that locks the client's row, so two servers taking
/// from the same bucket at once take one after the other. Clients are keyed by a digest of their key. Should
/// the database not answer, the request is let through: the page it asks for needs the database too, and fails
/// there with the right answer.
package final class SharedRateLimiter: RequestLimiter {
    package let name: String
    package let capacity: Double
    package let perMinute: Double
    private let store: any EventDatabase
    private let lastSweep = Mutex(Date.distantPast)

    package init(_ name: String, capacity: Int, perMinute: Int, store: any EventDatabase) {
        self.name = name
        self.capacity = Double(capacity)
        self.perMinute = Double(perMinute)
        self.store = store
    }

    convenience init(_ allowance: (name: String, capacity: Int, perMinute: Int), store: any EventDatabase) {
        self.init(allowance.name, capacity: allowance.capacity, perMinute: allowance.perMinute, store: store)
    }

    package func allow(_ key: String, now: Date) -> Bool {
        let clientKey = Self.clientKey(key)
        let forgetBefore = sweepDue(now)
        do {
            return try store.claiming { db in
                if let forgetBefore {
                    try RateLimitTable.forget(limiter: name, unusedSince: forgetBefore, in: db)
                }
                let stored = try RateLimitTable.lockedBucket(
                    limiter: name, clientKey: clientKey, creating: (capacity, now), in: db)
                var bucket =
                    stored.map { TokenBucket(tokens: $0.tokens, updated: $0.updated) }
                    ?? TokenBucket(capacity: capacity, now: now)
                let allowed = bucket.take(now: now, capacity: capacity, perMinute: perMinute)
                try RateLimitTable.save(
                    limiter: name, clientKey: clientKey, tokens: bucket.tokens, updated: bucket.updated, in: db)
                return allowed
            }
        } catch {
            return true
        }
    }

    package func refund(_ key: String) {
        let clientKey = Self.clientKey(key)
        _ = try? store.claiming { db in
            guard
                let stored = try RateLimitTable.lockedBucket(
                    limiter: name, clientKey: clientKey, creating: nil, in: db)
            else { return }
            var bucket = TokenBucket(tokens: stored.tokens, updated: stored.updated)
            bucket.giveBack(capacity: capacity)
            try RateLimitTable.save(
                limiter: name, clientKey: clientKey, tokens: bucket.tokens, updated: bucket.updated, in: db)
        }
    }

    package func retryAfter(_ key: String) -> Int {
        let stored = try? store.snapshot { db in
            try RateLimitTable.bucket(limiter: name, clientKey: Self.clientKey(key), in: db)
        }
        guard let stored = stored ?? nil else { return 0 }
        return TokenBucket(tokens: stored.tokens, updated: stored.updated).retryAfter(perMinute: perMinute)
    }

    /// Every ten minutes, the moment before which an unused bucket is full again and can be forgotten.
    private func sweepDue(_ now: Date) -> Date? {
        lastSweep.withLock { last in
            guard now.timeIntervalSince(last) > 600 else { return nil }
            last = now
            return now.addingTimeInterval(-capacity * 60 / perMinute)
        }
    }

    private static func clientKey(_ key: String) -> String { SecretToken.digest("rate-limit:" + key) }
}

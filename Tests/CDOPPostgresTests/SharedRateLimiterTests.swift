import CDOPHTTP
import CDOPPostgres
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// The request limits of servers sharing a PostgreSQL database: one allowance per client between them.
@Suite("Request limits shared between servers")
struct SharedRateLimiterTests {
    /// Two servers' limiters (each with a store of its own) on one new database, five requests at once and one
    /// a minute.
    static func twoServers() throws -> [SharedRateLimiter] {
        let database = try ThrowawayPostgres.shared().makeDatabase()
        return try (0..<2).map { _ in
            let store = try PostgresEventStore(
                url: database.url, options: ReadModels.storeOptions(), connectWithin: .seconds(300))
            return SharedRateLimiter("notifications", capacity: 5, perMinute: 1, store: store)
        }
    }

    @Test("Twelve requests at once from one address through two servers: five are let through, between them")
    func concurrentRequestsShareOneBucket() async throws {
        let limiters = try Self.twoServers()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<12 {
                let limiter = limiters[index % 2]
                group.addTask { limiter.allow("192.0.2.7", now: now) }
            }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(allowed == 5)
        #expect(limiters[1].retryAfter("192.0.2.7") == 60)
        #expect(limiters[0].allow("192.0.2.8", now: now), "another address has an allowance of its own")
    }

    @Test("A request given back on one server may be used on the other; the allowance refills with time")
    func refundAndRefillAreShared() throws {
        let limiters = try Self.twoServers()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for _ in 0..<5 { #expect(limiters[0].allow("192.0.2.9", now: now)) }
        #expect(!limiters[1].allow("192.0.2.9", now: now))
        limiters[1].refund("192.0.2.9")
        #expect(limiters[0].allow("192.0.2.9", now: now))
        #expect(!limiters[0].allow("192.0.2.9", now: now.addingTimeInterval(30)))
        #expect(limiters[1].allow("192.0.2.9", now: now.addingTimeInterval(61)))
        #expect(!limiters[1].allow("192.0.2.9", now: now.addingTimeInterval(62)))
    }
}

import CDOPStore
import Foundation
import GRDB

/// The loop the senders of queued work share (the mail outbox, the national return's HTTPS posts): a batch
/// claimed in a write transaction and worked through one item at a time, batches until nothing is due, and
/// rounds on a timer.
package enum DeliveryRounds {
    /// Claims a batch of what is due at `now` through `query` (limit, now, lease, database), in one write
    /// transaction so that two senders never claim the same item; nothing when the database fails.
    static func claim<Item>(
        in store: any EventDatabase, now: Date, policy: DeliveryPolicy,
        _ query: (Int, Date, TimeInterval, any SQLDatabase) throws -> [Item]
    ) -> [Item] {
        (try? store.claiming { db in try query(policy.batchSize, now, policy.lease, db) }) ?? []
    }

    /// Works through `claimed` in order. Stopping (SIGTERM): the item under way is finished and recorded, and
    /// the rest are given back through `release` so that the next sender takes them at once.
    static func work<Item, Outcome>(
        _ claimed: [Item], release: ([Item]) -> Void, each body: (Item) async -> Outcome?
    ) async -> [Outcome] {
        var outcomes: [Outcome] = []
        for (index, item) in claimed.enumerated() {
            if Task.isCancelled {
                release(Array(claimed[index...]))
                break
            }
            if let outcome = await body(item) { outcomes.append(outcome) }
        }
        return outcomes
    }

    /// Runs `batch` until it finds nothing (or `rounds` times), for the CLI and tests.
    static func untilEmpty<Outcome>(rounds: Int, _ batch: () async -> [Outcome]) async -> [Outcome] {
        var all: [Outcome] = []
        for _ in 0..<rounds where !Task.isCancelled {
            let outcomes = await batch()
            if outcomes.isEmpty { break }
            all += outcomes
        }
        return all
    }

    /// Runs `round` every `interval` until the task is cancelled (the server's service loops).
    static func every(_ interval: Duration, _ round: () async -> Void) async {
        while !Task.isCancelled {
            await round()
            try? await Task.sleep(for: interval)
        }
    }
}

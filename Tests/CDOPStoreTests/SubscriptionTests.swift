import CDOPStore
import Foundation
import GRDB
import Testing

@Suite("Subscriptions and checkpoints")
struct SubscriptionTests {
    @Test("a subscription delivers the events after its position, then new ones as they are committed")
    func deliversExistingThenNew() async throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "a", expected: .any, events: events(3), recordedAt: testMoment)
        let store = fixture.store
        let reader = Task {
            var positions: [Int64] = []
            for try await event in store.subscribe(after: 1, batchSize: 2) {
                positions.append(event.position)
                if positions.count == 4 { break }
            }
            return positions
        }
        try await Task.sleep(for: .milliseconds(50))
        try fixture.store.append(to: "b", expected: .any, events: events(2), recordedAt: testMoment)
        #expect(try await reader.value == [2, 3, 4, 5])
    }

    @Test("a commit in this process wakes a waiting subscriber at once, without waiting for the poll")
    func commitWakesSubscriber() async throws {
        var options = EventStoreOptions()
        options.subscriptionPollInterval = .seconds(60)
        let fixture = try StoreFixture(options: options)
        let store = fixture.store
        let reader = Task {
            for try await event in store.subscribe(after: 0) { return event.position }
            return Int64(-1)
        }
        try await Task.sleep(for: .milliseconds(100))
        try store.append(to: "a", expected: .any, events: events(1), recordedAt: testMoment)
        let committed = ContinuousClock.now
        #expect(try await reader.value == 1)
        // Far inside the 60-second poll, even on a loaded two-core test machine: the commit woke it.
        #expect(ContinuousClock.now - committed < .seconds(20))
    }

    @Test("events committed by another process on the same file reach a subscriber by polling")
    func otherProcessCommitsArePolled() async throws {
        var options = EventStoreOptions()
        options.subscriptionPollInterval = .milliseconds(20)
        let fixture = try StoreFixture(options: options)
        let other = try fixture.reopen()
        let store = fixture.store
        let reader = Task {
            for try await event in store.subscribe(after: 0) { return event.streamID }
            return ""
        }
        try await Task.sleep(for: .milliseconds(50))
        try other.append(to: "from-cli", expected: .any, events: events(1), recordedAt: testMoment)
        #expect(try await reader.value == "from-cli")
    }

    @Test("cancelling the iterating task ends the subscription")
    func cancellationEnds() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let reader = Task {
            var count = 0
            for try await _ in store.subscribe(after: 0) { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        reader.cancel()
        #expect(try await reader.value == 0)
    }

    @Test("a consumer's checkpoint commits with its own work, and rolls back with it")
    func checkpointsAreTransactional() throws {
        let fixture = try StoreFixture()
        try fixture.store.database.write { db in
            try db.execute(sql: "CREATE TABLE counted (n INTEGER)")
        }
        try fixture.store.write { db in
            try db.execute(sql: "INSERT INTO counted VALUES (1)")
            try Checkpoints.save("counter", position: 7, in: db)
        }
        struct Abort: Error {}
        #expect(throws: EventStoreError.self) {
            try fixture.store.write { db in
                try Checkpoints.save("counter", position: 9, in: db)
                throw Abort()
            }
        }
        #expect(try fixture.store.read { db in try Checkpoints.position(of: "counter", in: db) } == 7)
        #expect(try fixture.store.read { db in try Checkpoints.position(of: "never-ran", in: db) } == 0)
    }
}

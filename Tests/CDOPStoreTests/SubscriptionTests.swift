import CDOPStore
import Foundation
import GRDB
import Testing

@Suite("Subscriptions and checkpoints")
struct SubscriptionTests {
    @Test("A subscription delivers the events after its position, then new ones as they are committed")
    func deliversExistingThenNew() async throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "a", expected: .any, events: events(3), recordedAt: testMoment)
        let reader = SubscriptionReader(fixture.store.subscribe(after: 1, batchSize: 2)) { $0.count == 4 }
        try await reader.waitUntilTaken(2)
        try fixture.store.append(to: "b", expected: .any, events: events(2), recordedAt: testMoment)
        #expect(try await reader.task.value.map(\.position) == [2, 3, 4, 5])
    }

    @Test("A commit in this process wakes a waiting subscriber at once, without waiting for the poll")
    func commitWakesSubscriber() async throws {
        var options = EventStoreOptions()
        options.subscriptionPollInterval = .seconds(60)
        let fixture = try StoreFixture(options: options)
        try fixture.store.append(to: "a", expected: .any, events: events(1), recordedAt: testMoment)
        let reader = SubscriptionReader(fixture.store.subscribe(after: 0)) { $0.count == 2 }
        // Once it has the stored event the subscriber finds nothing more and waits for a commit (were it still
        // between its read and its wait, the commit's generation would send it round at once all the same).
        try await reader.waitUntilTaken(1)
        try fixture.store.append(to: "a", expected: .any, events: events(1), recordedAt: testMoment)
        let committed = ContinuousClock.now
        #expect(try await reader.task.value.last?.position == 2)
        // Far inside the 60-second poll, even on a loaded two-core test machine: the commit woke it.
        #expect(ContinuousClock.now - committed < .seconds(20))
    }

    @Test("Events committed by another process on the same file reach a subscriber by polling")
    func otherProcessCommitsArePolled() async throws {
        var options = EventStoreOptions()
        options.subscriptionPollInterval = .milliseconds(20)
        let fixture = try StoreFixture(options: options)
        let other = try fixture.reopen()
        try fixture.store.append(to: "from-server", expected: .any, events: events(1), recordedAt: testMoment)
        let reader = SubscriptionReader(fixture.store.subscribe(after: 0)) { $0.count == 2 }
        // Having read what was stored, the subscriber can learn of the other process's commit only by polling.
        try await reader.waitUntilTaken(1)
        try other.append(to: "from-cli", expected: .any, events: events(1), recordedAt: testMoment)
        #expect(try await reader.task.value.last?.streamID == "from-cli")
    }

    @Test("Cancelling the iterating task ends the subscription")
    func cancellationEnds() async throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "a", expected: .any, events: events(1), recordedAt: testMoment)
        let reader = SubscriptionReader(fixture.store.subscribe(after: 0))
        try await reader.waitUntilTaken(1)
        reader.task.cancel()
        #expect(try await reader.task.value.count == 1)
    }

    @Test("A consumer's checkpoint commits with its own work, and rolls back with it")
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

import CDOPStore
import CDOPTesting
import Foundation
import Synchronization
import Testing

/// Writes that arrive while a transaction is in flight share the next one, and each still gets its own outcome.
@Suite("Group commit")
struct GroupCommitTests {
    /// Holds the store's transaction open on a thread of its own until `release()`, so that the writes started
    /// meanwhile queue behind it; `waitUntilQueued(n)` returns when `n` of them wait (within a minute: the whole
    /// suite runs beside it on two cores).
    final class HeldTransaction: @unchecked Sendable {
        let store: EventStore
        private let entered = DispatchSemaphore(value: 0)
        private let released = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)

        init(_ store: EventStore) {
            self.store = store
            Thread.detachNewThread { [self] in
                try? store.write { _ in
                    self.entered.signal()
                    self.released.wait()
                }
                self.finished.signal()
            }
            entered.wait()
        }

        func waitUntilQueued(_ count: Int) async throws {
            try await Eventually.wait(for: "\(count) writes queued behind the held transaction") {
                store.writes.waiting >= count
            }
        }

        func release() {
            released.signal()
            finished.wait()
        }
    }

    /// Results gathered from threads.
    final class Collected: Sendable {
        private let results = Mutex<[AppendResult]>([])
        func add(_ result: AppendResult) { results.withLock { $0.append(result) } }
        var all: [AppendResult] { results.withLock { $0 } }
    }

    @Test(
        "Fifty appends that arrive during a commit are committed together, in one transaction, each with its own result"
    )
    func overlappingAppendsShareOneTransaction() async throws {
        let fixture = try StoreFixture()
        let held = HeldTransaction(fixture.store)
        let before = fixture.store.writes.statistics
        let store = fixture.store
        // Fifty threads of their own, not tasks: with the whole suite running beside this test on two cores, the
        // cooperative pool can be busy for a minute, and tasks that never start never queue.
        let collected = Collected()
        let done = DispatchGroup()
        for index in 0..<50 {
            done.enter()
            Thread.detachNewThread {
                if let result = try? store.append(
                    [StreamAppend(streamID: "case-\(index)", expected: .noStream, events: events(1))],
                    recordedAt: testMoment)[0]
                {
                    collected.add(result)
                }
                done.leave()
            }
        }
        try await held.waitUntilQueued(50)
        held.release()
        await withCheckedContinuation { continuation in
            done.notify(queue: .global()) { continuation.resume() }
        }
        let results = collected.all
        #expect(results.count == 50, "every append has its own result")

        #expect(Set(results.map(\.streamID)).count == 50)
        #expect(Set(results.map(\.firstPosition)).count == 50)
        #expect(results.allSatisfy { $0.streamVersion == 1 && !$0.wasAlreadyStored })
        let after = fixture.store.writes.statistics
        #expect(after.writes - before.writes == 50)
        #expect(after.transactions - before.transactions == 1, "the fifty together, after the held transaction")
        #expect(try fixture.store.readAll(after: 0, limit: 100).count == 50)
    }

    @Test("A write refused inside a shared transaction is rolled back alone: the writes before and after it are kept")
    func aRefusedWriteRollsBackAlone() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.append(to: "case-b", expected: .noStream, events: events(1), recordedAt: testMoment)
        let held = HeldTransaction(store)
        let first = Task {
            try await store.append(
                [StreamAppend(streamID: "case-a", expected: .noStream, events: events(1))], recordedAt: testMoment)
        }
        try await held.waitUntilQueued(1)
        let stale = Task {
            try await store.append(
                [StreamAppend(streamID: "case-b", expected: .noStream, events: events(2))], recordedAt: testMoment)
        }
        try await held.waitUntilQueued(2)
        let last = Task {
            try await store.append(
                [StreamAppend(streamID: "case-c", expected: .noStream, events: events(1))], recordedAt: testMoment)
        }
        try await held.waitUntilQueued(3)
        let before = store.writes.statistics
        held.release()

        #expect(try await first.value[0].streamVersion == 1)
        #expect(try await last.value[0].streamVersion == 1)
        await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "case-b", expected: .noStream, actual: 1)) {
            try await stale.value
        }
        #expect(store.writes.statistics.transactions - before.transactions == 1)
        #expect(try store.readStream("case-b").count == 1, "the refused write left nothing behind")
        #expect(try store.readStream("case-a").count == 1 && store.readStream("case-c").count == 1)
        let positions = try store.readAll(after: 0, limit: 100).map(\.position)
        #expect(positions == Array(1...Int64(positions.count)), "no gap where the refused write was")
    }

    @Test("A command repeated within one shared transaction is recognised: the second gets the first's result")
    func aRepeatedCommandInOneTransactionIsRecognised() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let command = UUID()
        let held = HeldTransaction(store)
        let shared = events(1)
        let first = Task {
            try await store.append(
                [StreamAppend(streamID: "case-a", expected: .noStream, events: shared)], commandID: command,
                recordedAt: testMoment)
        }
        try await held.waitUntilQueued(1)
        let again = Task {
            try await store.append(
                [StreamAppend(streamID: "case-a", expected: .noStream, events: events(1))], commandID: command,
                recordedAt: testMoment)
        }
        try await held.waitUntilQueued(2)
        held.release()

        let original = try await first.value[0]
        let repeated = try await again.value[0]
        #expect(!original.wasAlreadyStored && repeated.wasAlreadyStored)
        #expect(repeated.firstPosition == original.firstPosition)
        #expect(try store.readStream("case-a").map(\.eventID) == shared.map(\.eventID))
    }

    @Test("Synchronous writers that queue behind a commit are committed together and each returns its own result")
    func queuedSynchronousWritersShareATransaction() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        // Many rounds: a body that outlived its caller's call was caught only now and then.
        for round in 0..<30 {
            let held = HeldTransaction(store)
            let results = Mutex<[Int: Int64]>([:])
            let done = DispatchGroup()
            for index in 0..<8 {
                done.enter()
                Thread.detachNewThread {
                    let version = try? store.write { db in
                        try store.append(
                            [StreamAppend(streamID: "case-\(round)-\(index)", expected: .noStream, events: events(1))],
                            commandID: nil, recordedAt: testMoment, in: db)[0].streamVersion
                    }
                    results.withLock { $0[index] = version }
                    done.leave()
                }
            }
            try await held.waitUntilQueued(8)
            let before = store.writes.statistics
            held.release()
            done.wait()

            #expect(results.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<8).map { ($0, Int64(1)) }))
            #expect(store.writes.statistics.transactions - before.transactions == 1)
        }
        #expect(try store.readAll(after: 0, limit: 1000).count == 240)
    }

    @Test("A synchronous write with nothing in flight commits on its caller's thread, alone")
    func anUncontendedWriteCommitsAlone() throws {
        let fixture = try StoreFixture()
        let before = fixture.store.writes.statistics
        for index in 0..<5 {
            try fixture.store.append(
                to: "case-\(index)", expected: .noStream, events: events(1), recordedAt: testMoment)
        }
        let after = fixture.store.writes.statistics
        #expect(after.transactions - before.transactions == 5 && after.writes - before.writes == 5)
    }
}

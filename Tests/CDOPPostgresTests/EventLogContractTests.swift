import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Synchronization
import Testing

/// What every engine's event log guarantees, each test run against SQLite and against PostgreSQL.
@Suite("The event log's contract, on every engine")
struct EventLogContractTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    static func event(_ type: String = "case.noted.v1", _ text: String = "x", id: UUID = UUID()) -> NewEvent {
        NewEvent(eventID: id, type: type, data: Data(#"{"text":"\#(text)","n":[1,2.50,{"é":true}]}"#.utf8))
    }

    @Test("Appends read back in order, byte for byte, at gap-free positions from 1", arguments: EventLogEngine.allCases)
    func appendsReadBackInOrder(engine: EventLogEngine) async throws {
        let fresh = try await engine.make()
        let log = fresh.log
        let first = try await log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [Self.event(), Self.event()])],
            commandID: nil, recordedAt: Self.now)
        #expect(
            first == [
                AppendResult(
                    streamID: "case-a", firstPosition: 1, lastPosition: 2, streamVersion: 2, wasAlreadyStored: false)
            ])
        let second = try await log.append(
            [
                StreamAppend(streamID: "case-b", expected: .noStream, events: [Self.event("case.other.v1", "b")]),
                StreamAppend(streamID: "case-a", expected: .exact(2), events: [Self.event()]),
            ], commandID: nil, recordedAt: Self.now)
        #expect(second.map(\.firstPosition) == [3, 4] && second.map(\.streamVersion) == [1, 3])
        let all = try await log.events(after: 0, limit: 100)
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all.map(\.streamID) == ["case-a", "case-a", "case-b", "case-a"])
        #expect(all[2].data == Self.event("case.other.v1", "b").data && all[2].type == "case.other.v1")
        #expect(all.allSatisfy { $0.recordedAt == Self.now && $0.metadata == Data("{}".utf8) })
        #expect(try await log.streamEvents("case-a", fromVersion: 2).map(\.streamVersion) == [2, 3])
        #expect(try await log.events(after: 2, limit: 1).map(\.position) == [3])
        #expect(try await log.headPosition() == 4)
        #expect(try await log.version(ofStream: "case-a") == 3)
        #expect(try await log.version(ofStream: "case-z") == 0)
    }

    @Test(
        "An expected version not met refuses the whole append, every stream of it", arguments: EventLogEngine.allCases)
    func expectedVersionsAreChecked(engine: EventLogEngine) async throws {
        let log = try await engine.make().log
        try await log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [Self.event()])], commandID: nil,
            recordedAt: Self.now)
        await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "case-a", expected: .noStream, actual: 1)) {
            try await log.append(
                [
                    StreamAppend(streamID: "case-b", expected: .noStream, events: [Self.event()]),
                    StreamAppend(streamID: "case-a", expected: .noStream, events: [Self.event()]),
                ], commandID: nil, recordedAt: Self.now)
        }
        await #expect(throws: EventStoreError.wrongExpectedVersion(stream: "case-a", expected: .exact(5), actual: 1)) {
            try await log.append(
                [StreamAppend(streamID: "case-a", expected: .exact(5), events: [Self.event()])], commandID: nil,
                recordedAt: Self.now)
        }
        #expect(try await log.version(ofStream: "case-b") == 0, "the other stream's share was not kept")
        #expect(try await log.headPosition() == 1)
        await #expect(throws: EventStoreError.emptyAppend(stream: "case-a")) {
            try await log.append(
                [StreamAppend(streamID: "case-a", expected: .any, events: [])], commandID: nil, recordedAt: Self.now)
        }
    }

    @Test(
        "A command id is answered once and the same ever after; an event id, by its content",
        arguments: EventLogEngine.allCases)
    func commandsAndEventsAreIdempotent(engine: EventLogEngine) async throws {
        let log = try await engine.make().log
        let command = UUID()
        let event = Self.event()
        let original = try await log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [event])], commandID: command,
            recordedAt: Self.now)
        try await log.append(
            [StreamAppend(streamID: "case-b", expected: .noStream, events: [Self.event()])], commandID: nil,
            recordedAt: Self.now)
        let again = try await log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [Self.event()])], commandID: command,
            recordedAt: Self.now)
        #expect(again.map(\.firstPosition) == original.map(\.firstPosition) && again.allSatisfy(\.wasAlreadyStored))
        let replay = try await log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [event])], commandID: nil,
            recordedAt: Self.now)
        #expect(
            replay == [
                AppendResult(
                    streamID: "case-a", firstPosition: 1, lastPosition: 1, streamVersion: 1, wasAlreadyStored: true)
            ])
        await #expect(
            throws: EventStoreError.eventIDReusedWithDifferentContent(eventID: event.eventID, stream: "case-a")
        ) {
            try await log.append(
                [
                    StreamAppend(
                        streamID: "case-a", expected: .any,
                        events: [Self.event("case.noted.v1", "y", id: event.eventID)])
                ],
                commandID: nil, recordedAt: Self.now)
        }
        #expect(try await log.headPosition() == 2)
        // A command that wrote to two streams, retried with new events: both its results, nothing written again.
        let both = UUID()
        let twice = {
            try await log.append(
                [
                    StreamAppend(streamID: "case-c", expected: .any, events: [Self.event()]),
                    StreamAppend(streamID: "case-d", expected: .any, events: [Self.event(), Self.event()]),
                ], commandID: both, recordedAt: Self.now)
        }
        let handled = try await twice()
        let retried = try await twice()
        #expect(handled.map(\.firstPosition) == [3, 4] && retried.map(\.firstPosition) == [3, 4])
        #expect(retried.allSatisfy(\.wasAlreadyStored) && !handled.contains(where: \.wasAlreadyStored))
        #expect(try await log.headPosition() == 5)
    }

    @Test("Data that is not JSON is refused, naming its event", arguments: EventLogEngine.allCases)
    func dataThatIsNotJSONIsRefused(engine: EventLogEngine) async throws {
        let log = try await engine.make().log
        let bad = NewEvent(eventID: UUID(), type: "case.noted.v1", data: Data("{not json".utf8))
        await #expect(throws: EventStoreError.invalidJSON(eventID: bad.eventID)) {
            try await log.append(
                [StreamAppend(streamID: "case-a", expected: .any, events: [Self.event(), bad])], commandID: nil,
                recordedAt: Self.now)
        }
        #expect(try await log.headPosition() == 0)
    }

    @Test("The database itself refuses to change or remove an event", arguments: EventLogEngine.allCases)
    func theDatabaseRefusesToChangeAnEvent(engine: EventLogEngine) async throws {
        let fresh = try await engine.make()
        try await fresh.log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [Self.event()])], commandID: nil,
            recordedAt: Self.now)
        for statement in ["UPDATE events SET type = 'x'", "DELETE FROM events"] {
            switch engine {
            case .sqlite:
                let store = try #require(fresh.sqlite)
                #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: statement) } }
            case .postgres:
                let cluster = try #require(fresh.cluster)
                let error = #expect(throws: ThrowawayPostgres.Failure.self) {
                    try cluster.psql(statement, database: fresh.database ?? "")
                }
                #expect(error?.description.contains("events are append-only") == true, "\(String(describing: error))")
            }
        }
        if engine == .postgres, let cluster = fresh.cluster {
            #expect(throws: ThrowawayPostgres.Failure.self) {
                try cluster.psql("TRUNCATE events", database: fresh.database ?? "")
            }
        }
        #expect(try await fresh.log.events(after: 0, limit: 10).map(\.type) == ["case.noted.v1"])
    }

    @Test(
        "Writers at once on two handles: positions stay gap-free, and a reader never sees one appear behind one it read",
        arguments: EventLogEngine.allCases)
    func concurrentWritersKeepPositionsInCommitOrder(engine: EventLogEngine) async throws {
        let fresh = try await engine.make()
        let other = try await fresh.reopen()
        let writers = 6
        let appendsEach = 40
        let done = WritersDone()
        let reader = Task {
            var seen: Int64 = 0
            var problems: [String] = []
            let deadline = ContinuousClock.now + .seconds(120)
            while done.count.load(ordering: .relaxed) < writers || seen < Int64(writers * appendsEach * 2),
                ContinuousClock.now < deadline
            {
                let batch = try await fresh.log.events(after: seen, limit: 1000)
                for event in batch {
                    if event.position != seen + 1 { problems.append("read \(event.position) after \(seen)") }
                    seen = event.position
                }
                if batch.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
            }
            return (seen, problems)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                let log = writer % 2 == 0 ? fresh.log : other
                group.addTask {
                    for number in 0..<appendsEach {
                        try await log.append(
                            [
                                StreamAppend(
                                    streamID: "case-\(writer)", expected: .exact(Int64(number * 2)),
                                    events: [Self.event(), Self.event()])
                            ],
                            commandID: UUID(), recordedAt: Self.now)
                    }
                    done.count.add(1, ordering: .relaxed)
                }
            }
            try await group.waitForAll()
        }
        let (seen, problems) = try await reader.value
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(seen == Int64(writers * appendsEach * 2))
        let all = try await fresh.log.events(after: 0, limit: 10_000)
        #expect(all.map(\.position) == Array(1...Int64(writers * appendsEach * 2)))
        for writer in 0..<writers {
            #expect(try await fresh.log.version(ofStream: "case-\(writer)") == Int64(appendsEach * 2))
        }
    }

    @Test(
        "A subscription on one handle hears what another appends, without waiting for its poll",
        arguments: EventLogEngine.allCases)
    func aSubscriptionHearsAnotherHandlesAppends(engine: EventLogEngine) async throws {
        let fresh = try await engine.make()
        try await fresh.log.append(
            [StreamAppend(streamID: "case-a", expected: .noStream, events: [Self.event()])], commandID: nil,
            recordedAt: Self.now)
        let listener = try await fresh.reopen()
        let heard = Task {
            var positions: [Int64] = []
            for try await event in listener.follow(after: 0) {
                positions.append(event.position)
                if positions.count == 3 { break }
            }
            return positions
        }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        try await fresh.log.append(
            [StreamAppend(streamID: "case-a", expected: .exact(1), events: [Self.event(), Self.event()])],
            commandID: nil, recordedAt: Self.now)
        let waited = try await withThrowingTaskGroup(of: [Int64]?.self) { group in
            group.addTask { try await heard.value }
            group.addTask {
                try await Task.sleep(for: .seconds(300))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            heard.cancel()
            return first
        }
        #expect(waited == [1, 2, 3])
        if engine == .postgres {
            // Its poll is an hour: only the notification can have woken it.
            #expect(ContinuousClock.now - started < .seconds(300))
        }
    }
}

/// How many writers have finished, shared with the reader watching them.
final class WritersDone: Sendable {
    let count = Atomic<Int>(0)
}

import CDOPStore
import Foundation
import Testing

@Suite("Appending to a stream")
struct AppendTests {
    @Test("Events read back in order with versions from 1 and gap-free global positions")
    func readBackInOrder() throws {
        let fixture = try StoreFixture()
        let first = try fixture.store.append(
            to: "case-a", expected: .noStream, events: events(3), recordedAt: testMoment)
        let second = try fixture.store.append(
            to: "case-b", expected: .noStream, events: events(2), recordedAt: testMoment)
        let third = try fixture.store.append(
            to: "case-a", expected: .exact(3), events: events(1), recordedAt: testMoment)

        #expect(
            first
                == AppendResult(
                    streamID: "case-a", firstPosition: 1, lastPosition: 3, streamVersion: 3, wasAlreadyStored: false))
        #expect(second.firstPosition == 4 && second.lastPosition == 5)
        #expect(third.streamVersion == 4 && third.firstPosition == 6)
        let streamA = try fixture.store.readStream("case-a")
        #expect(streamA.map(\.streamVersion) == [1, 2, 3, 4])
        #expect(streamA.map(\.position) == [1, 2, 3, 6])
        #expect(try fixture.store.readAll(after: 0, limit: 100).map(\.position) == Array(1...6))
        #expect(try fixture.store.lastPosition() == 6)
    }

    @Test("A recorded event keeps its id, type, schema version, data, metadata and the injected time")
    func recordedEventKeepsEverything() throws {
        let fixture = try StoreFixture()
        let id = UUID()
        let new = NewEvent(
            eventID: id, type: "case.notificationReceived.v1", schemaVersion: 1,
            data: Data(#"{"é":"Zoë"}"#.utf8), metadata: Data(#"{"actor":"c1"}"#.utf8))
        try fixture.store.append(
            to: "case-x", expected: .any, events: [new], recordedAt: Date(timeIntervalSince1970: 1_800_000_000.123))
        let stored = try #require(try fixture.store.readStream("case-x").first)
        #expect(stored.eventID == id && stored.type == new.type && stored.schemaVersion == 1)
        #expect(stored.data == new.data && stored.metadata == new.metadata)
        #expect(abs(stored.recordedAt.timeIntervalSince1970 - 1_800_000_000.123) < 0.001)
    }

    @Test("Reading a stream from a version returns only the later events")
    func readFromVersion() throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "s", expected: .any, events: events(5), recordedAt: testMoment)
        #expect(try fixture.store.readStream("s", fromVersion: 4).map(\.streamVersion) == [4, 5])
        #expect(try fixture.store.readStream("missing").isEmpty)
        #expect(try fixture.store.streamVersion(of: "s") == 5)
        #expect(try fixture.store.streamVersion(of: "missing") == 0)
    }

    @Test(
        "Each expected version is honoured and a mismatch names the stream, the expected and the actual version",
        arguments: [
            (ExpectedVersion.noStream, 2 as Int64, false), (.noStream, 0, true),
            (.streamExists, 0, false), (.streamExists, 2, true),
            (.exact(2), 2, true), (.exact(1), 2, false), (.exact(0), 0, true),
            (.any, 0, true), (.any, 2, true),
        ])
    func expectedVersions(expected: ExpectedVersion, existing: Int64, succeeds: Bool) throws {
        let fixture = try StoreFixture()
        if existing > 0 {
            try fixture.store.append(
                to: "case-1", expected: .any, events: events(Int(existing)), recordedAt: testMoment)
        }
        if succeeds {
            let result = try fixture.store.append(
                to: "case-1", expected: expected, events: events(1), recordedAt: testMoment)
            #expect(result.streamVersion == existing + 1)
        } else {
            #expect(
                throws: EventStoreError.wrongExpectedVersion(stream: "case-1", expected: expected, actual: existing)
            ) {
                try fixture.store.append(to: "case-1", expected: expected, events: events(1), recordedAt: testMoment)
            }
            #expect(try fixture.store.streamVersion(of: "case-1") == existing)
        }
    }

    @Test("An append to several streams is all or nothing")
    func multiStreamAppendIsAtomic() throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "meeting-1", expected: .any, events: events(1), recordedAt: testMoment)
        #expect(throws: EventStoreError.self) {
            try fixture.store.append(
                [
                    StreamAppend(streamID: "case-1", expected: .noStream, events: events(2)),
                    StreamAppend(streamID: "meeting-1", expected: .noStream, events: events(1)),
                ], recordedAt: testMoment)
        }
        #expect(try fixture.store.streamVersion(of: "case-1") == 0)
        #expect(try fixture.store.lastPosition() == 1)
        let results = try fixture.store.append(
            [
                StreamAppend(streamID: "case-1", expected: .noStream, events: events(2)),
                StreamAppend(streamID: "meeting-1", expected: .exact(1), events: events(1)),
            ], recordedAt: testMoment)
        #expect(results.map(\.lastPosition) == [3, 4])
    }

    @Test("Bad appends are refused with a reason: no events, no stream id, no type, invalid JSON")
    func badAppendsAreRefused() throws {
        let fixture = try StoreFixture()
        #expect(throws: EventStoreError.emptyAppend(stream: "s")) {
            try fixture.store.append(to: "s", expected: .any, events: [], recordedAt: testMoment)
        }
        #expect(throws: EventStoreError.invalidStreamID("")) {
            try fixture.store.append(to: "", expected: .any, events: events(1), recordedAt: testMoment)
        }
        let untyped = event("", "{}")
        #expect(throws: EventStoreError.invalidEventType(eventID: untyped.eventID)) {
            try fixture.store.append(to: "s", expected: .any, events: [untyped], recordedAt: testMoment)
        }
        let broken = event("t.v1", "{not json")
        #expect(throws: EventStoreError.invalidJSON(eventID: broken.eventID)) {
            try fixture.store.append(to: "s", expected: .any, events: [broken], recordedAt: testMoment)
        }
        #expect(try fixture.store.lastPosition() == 0)
    }
}

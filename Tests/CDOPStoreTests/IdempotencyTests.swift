import CDOPStore
import Foundation
import Testing

@Suite("Idempotent appends and retried commands")
struct IdempotencyTests {
    @Test("Appending the same events again with the same content changes nothing and returns the original positions")
    func sameEventsAgainIsANoOp() throws {
        let fixture = try StoreFixture()
        let batch = events(3)
        let original = try fixture.store.append(
            to: "case-1", expected: .noStream, events: batch, recordedAt: testMoment)
        try fixture.store.append(to: "case-2", expected: .noStream, events: events(1), recordedAt: testMoment)
        // The retry still says .noStream: the idempotency check comes before the version check.
        let retry = try fixture.store.append(to: "case-1", expected: .noStream, events: batch, recordedAt: testMoment)
        #expect(retry.firstPosition == original.firstPosition && retry.lastPosition == original.lastPosition)
        #expect(retry.streamVersion == 3 && retry.wasAlreadyStored)
        #expect(try fixture.store.lastPosition() == 4)
    }

    @Test("An event id appended again with different content is refused")
    func sameIDDifferentContentIsRefused() throws {
        let fixture = try StoreFixture()
        let id = UUID()
        try fixture.store.append(
            to: "case-1", expected: .any, events: [event("t.v1", #"{"a":1}"#, id: id)], recordedAt: testMoment)
        #expect(throws: EventStoreError.eventIDReusedWithDifferentContent(eventID: id, stream: "case-1")) {
            try fixture.store.append(
                to: "case-1", expected: .any, events: [event("t.v1", #"{"a":2}"#, id: id)], recordedAt: testMoment)
        }
        #expect(throws: EventStoreError.eventIDReusedWithDifferentContent(eventID: id, stream: "case-9")) {
            try fixture.store.append(
                to: "case-9", expected: .any, events: [event("t.v1", #"{"a":1}"#, id: id)], recordedAt: testMoment)
        }
        #expect(try fixture.store.lastPosition() == 1)
    }

    @Test("A batch of which only some events are stored is refused, and nothing of it is written")
    func partlyStoredBatchIsRefused() throws {
        let fixture = try StoreFixture()
        let batch = events(3)
        try fixture.store.append(to: "case-1", expected: .any, events: [batch[0]], recordedAt: testMoment)
        #expect(throws: EventStoreError.batchPartlyStored(stream: "case-1", alreadyStored: 1, total: 3)) {
            try fixture.store.append(to: "case-1", expected: .any, events: batch, recordedAt: testMoment)
        }
        #expect(throws: EventStoreError.batchPartlyStored(stream: "case-1", alreadyStored: 1, total: 2)) {
            try fixture.store.append(
                to: "case-1", expected: .exact(1), events: [events(1)[0], batch[0]], recordedAt: testMoment)
        }
        #expect(try fixture.store.lastPosition() == 1)
    }

    @Test("A command id already handled returns the original result without writing again")
    func retriedCommandIsRecognised() throws {
        let fixture = try StoreFixture()
        let command = UUID()
        let first = try fixture.store.append(
            [
                StreamAppend(streamID: "case-1", expected: .noStream, events: events(2)),
                StreamAppend(streamID: "meeting-1", expected: .noStream, events: events(1)),
            ],
            commandID: command, recordedAt: testMoment)
        // A retry decided again makes new event ids; the command id alone recognises it.
        let retry = try fixture.store.append(
            [
                StreamAppend(streamID: "case-1", expected: .noStream, events: events(2)),
                StreamAppend(streamID: "meeting-1", expected: .noStream, events: events(1)),
            ],
            commandID: command, recordedAt: testMoment)
        #expect(retry.map(\.lastPosition) == first.map(\.lastPosition))
        #expect(retry.allSatisfy { $0.wasAlreadyStored })
        #expect(try fixture.store.lastPosition() == 3)
        #expect(try fixture.store.commandResults(for: command)?.count == 2)
        #expect(try fixture.store.commandResults(for: UUID()) == nil)
    }

    @Test("Idempotency is permanent: it holds after the store is closed and reopened")
    func idempotencyIsPermanent() throws {
        let fixture = try StoreFixture()
        let batch = events(2)
        try fixture.store.append(to: "case-1", expected: .noStream, events: batch, recordedAt: testMoment)
        let reopened = try fixture.reopen()
        let retry = try reopened.append(to: "case-1", expected: .noStream, events: batch, recordedAt: testMoment)
        #expect(retry.wasAlreadyStored && retry.lastPosition == 2)
    }
}

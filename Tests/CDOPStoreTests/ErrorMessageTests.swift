import CDOPStore
import Foundation
import Testing

@Suite("Store errors speak plainly and carry no personal data")
struct ErrorMessageTests {
    static let personalData = "Alex Testchild"

    @Test("A concurrency error names the stream, what was expected and what was found")
    func concurrencyMessage() {
        let error = EventStoreError.wrongExpectedVersion(stream: "case-1", expected: .exact(3), actual: 5)
        #expect(error.description.contains("case-1"))
        #expect(error.description.contains("expected version 3"))
        #expect(error.description.contains("at version 5"))
    }

    @Test("No store error repeats the data of the event that caused it")
    func noEventDataInErrors() throws {
        let fixture = try StoreFixture()
        let secret = event("t.v1", #"{"name":"\#(Self.personalData)","nhs":"9434765919"}"#)
        try fixture.store.append(to: "case-1", expected: .any, events: [secret], recordedAt: testMoment)
        var failures: [EventStoreError] = []
        func attempt(_ appends: [StreamAppend]) {
            do { try fixture.store.append(appends, recordedAt: testMoment) } catch { failures.append(error) }
        }
        attempt([
            StreamAppend(
                streamID: "case-1", expected: .noStream, events: [event("t.v1", #"{"name":"\#(Self.personalData)"}"#)])
        ])
        attempt([
            StreamAppend(
                streamID: "case-1", expected: .any,
                events: [
                    NewEvent(
                        eventID: secret.eventID, type: "t.v1", data: Data(#"{"name":"\#(Self.personalData) 2"}"#.utf8))
                ])
        ])
        attempt([
            StreamAppend(
                streamID: "case-1", expected: .any, events: [event("t.v1", #"{"name":"\#(Self.personalData)""#)])
        ])
        let attempts = [1, 2, 3]
        #expect(failures.count == attempts.count)
        for failure in failures {
            #expect(!failure.description.contains(Self.personalData))
            #expect(!failure.description.contains("9434765919"))
        }
    }
}

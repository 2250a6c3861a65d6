import CDOPStore
import Foundation
import Testing

@Suite("Waking subscribers")
struct CommitNotifierTests {
    @Test("a subscription woken by hundreds of commits, with a poll interval racing them, leaves no cancellation marks behind")
    func noCancellationMarksAreKept() async throws {
        var options = EventStoreOptions()
        options.subscriptionPollInterval = .milliseconds(1)
        let fixture = try StoreFixture(options: options)
        let store = fixture.store
        let reader = Task {
            var seen = 0
            for try await _ in store.subscribe(after: 0) {
                seen += 1
                if seen == 300 { break }
            }
            return seen
        }
        for index in 0..<300 {
            try await store.append(
                [StreamAppend(streamID: "case-\(index % 7)", expected: .any, events: events(1))], recordedAt: testMoment)
        }
        #expect(try await reader.value == 300)
        #expect(store.keptSubscriptionCancellations == 0)
    }
}

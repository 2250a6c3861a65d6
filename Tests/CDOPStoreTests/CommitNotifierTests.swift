import CDOPStore
import Foundation
import Testing

@Suite("Waking subscribers")
struct CommitNotifierTests {
    @Test(
        "A subscription woken by hundreds of commits, with a poll interval racing them, leaves no cancellation marks behind"
    )
    func noCancellationMarksAreKept() async throws {
        var options = EventStoreOptions()
        options.subscriptionPollInterval = .milliseconds(1)
        let fixture = try StoreFixture(options: options)
        let store = fixture.store
        let reader = SubscriptionReader(store.subscribe(after: 0)) { $0.count == 300 }
        for index in 0..<300 {
            try await store.append(
                [StreamAppend(streamID: "case-\(index % 7)", expected: .any, events: events(1))], recordedAt: testMoment
            )
        }
        #expect(try await reader.task.value.count == 300)
        #expect(store.keptSubscriptionCancellations == 0)
    }
}

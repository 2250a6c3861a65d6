import CDOPStore
import CDOPTesting
import Synchronization

/// A subscription read in a task of its own, keeping the events it takes until `enough` says it has them all.
struct SubscriptionReader {
    private final class Taken: Sendable {
        let count = Atomic<Int>(0)
    }

    private let taken: Taken
    /// Ends with the events taken, once `enough` accepts them (or when cancelled).
    let task: Task<[RecordedEvent], any Error>

    init(
        _ subscription: EventSubscription, until enough: @escaping @Sendable ([RecordedEvent]) -> Bool = { _ in false }
    ) {
        let taken = Taken()
        self.taken = taken
        task = Task {
            var events: [RecordedEvent] = []
            for try await event in subscription {
                events.append(event)
                taken.count.add(1, ordering: .relaxed)
                if enough(events) { break }
            }
            return events
        }
    }

    /// Returns once the reader has taken `count` events: having read what was stored, it next waits for more.
    func waitUntilTaken(_ count: Int) async throws {
        try await Eventually.wait(for: "the subscriber to take \(count) events") {
            taken.count.load(ordering: .relaxed) >= count
        }
    }
}

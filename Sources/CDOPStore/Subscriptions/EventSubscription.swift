/// New events from a position on, as an async sequence: the feed of the projection and mail loops.
///
/// Woken at once by commits in this process, and by polling for commits made by other processes (the CLI
/// beside the server). It never ends by itself; cancel the task that iterates it. The consumer stores its
/// checkpoint in its own transaction and resumes from it.
package struct EventSubscription: AsyncSequence, Sendable {
    package typealias Element = RecordedEvent

    let store: EventStore
    let position: Int64
    let batchSize: Int

    package func makeAsyncIterator() -> Iterator {
        Iterator(store: store, position: position, batchSize: batchSize)
    }

    package struct Iterator: AsyncIteratorProtocol {
        let store: EventStore
        var position: Int64
        let batchSize: Int
        var buffer: [RecordedEvent] = []
        var index = 0

        package mutating func next() async throws -> RecordedEvent? {
            while true {
                if index < buffer.count {
                    defer { index += 1 }
                    return buffer[index]
                }
                if Task.isCancelled { return nil }
                let generation = store.commits.generation
                let after = position
                let limit = batchSize
                let batch: [RecordedEvent]
                do {
                    batch = try await store.read { [store] db in try store.readAll(after: after, limit: limit, in: db) }
                } catch {
                    if Task.isCancelled { return nil }
                    throw error
                }
                if let last = batch.last {
                    buffer = batch
                    index = 0
                    position = last.position
                    continue
                }
                await store.commits.wait(after: generation, timeout: store.options.subscriptionPollInterval)
            }
        }
    }
}

extension EventStore {
    /// Every event after `position`, then each new one as it is committed.
    package func subscribe(after position: Int64, batchSize: Int = 500) -> EventSubscription {
        EventSubscription(store: self, position: position, batchSize: batchSize)
    }
}

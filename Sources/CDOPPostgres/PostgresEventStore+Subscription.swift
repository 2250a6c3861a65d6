import CDOPStore
import Foundation
import PostgresNIO

extension PostgresEventStore {
    /// Every event after `position`, then each new one as any node commits it: woken by the `cdop_events`
    /// notification an append sends as it commits, and looking anyway every `pollInterval` (a notification sent
    /// while the listening connection was being replaced is lost).
    package func follow(after position: Int64) -> AsyncThrowingStream<RecordedEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task { [self] in
                let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
                let listening = Task { await listen(waking: wake) }
                defer { listening.cancel() }
                var position = position
                do {
                    while !Task.isCancelled {
                        let batch = try await events(after: position, limit: 500)
                        for event in batch { continuation.yield(event) }
                        if let last = batch.last {
                            position = last.position
                            continue
                        }
                        await Self.firstOf(wakeups, orAfter: pollInterval)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: Task.isCancelled ? nil : error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Listens on `cdop_events` until cancelled, passing each notification to `wake`; a dropped connection is
    /// replaced after a pause.
    private func listen(waking wake: AsyncStream<Void>.Continuation) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: PostgresSchema.channel) { notifications in
                        wake.yield()
                        for try await _ in notifications { wake.yield() }
                    }
                }
            } catch {
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// Returns when `wakeups` yields or `interval` passes, whichever is first.
    private static func firstOf(_ wakeups: AsyncStream<Void>, orAfter interval: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var iterator = wakeups.makeAsyncIterator()
                _ = await iterator.next()
            }
            group.addTask { try? await Task.sleep(for: interval) }
            await group.next()
            group.cancelAll()
        }
    }
}

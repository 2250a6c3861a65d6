import Foundation

/// The append-only log as any engine keeps it (SQLite here, PostgreSQL in `CDOPPostgres`): what the contract
/// tests hold every engine to. Appends are atomic across their streams and check each stream's expected
/// version; a command id already recorded returns the original result; positions are gap-free, start at 1 and
/// follow commit order, so a reader never sees a position appear behind one it has already read.
package protocol EventLog: Sendable {
    /// Appends to several streams in one transaction: all of them, or none.
    func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date) async throws -> [AppendResult]
    /// The stream's events from `version` on, in order.
    func streamEvents(_ streamID: String, fromVersion version: Int64) async throws -> [RecordedEvent]
    /// Up to `limit` events after global position `position`, in order.
    func events(after position: Int64, limit: Int) async throws -> [RecordedEvent]
    /// The position of the last event committed (0 for an empty log).
    func headPosition() async throws -> Int64
    /// The stream's version (0 for a stream with no event).
    func version(ofStream streamID: String) async throws -> Int64
    /// Every event after `position`, then each new one as it is committed (by this process or another),
    /// until the iterating task is cancelled.
    func follow(after position: Int64) -> AsyncThrowingStream<RecordedEvent, any Error>
}

/// The SQLite store as an `EventLog` (named apart from its synchronous reads, which its callers keep using).
extension EventStore: EventLog {
    package func streamEvents(_ streamID: String, fromVersion version: Int64) async throws -> [RecordedEvent] {
        try await read { [self] db in try readStream(streamID, fromVersion: version, in: db) }
    }

    package func events(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        try await read { [self] db in try readAll(after: position, limit: limit, in: db) }
    }

    package func headPosition() async throws -> Int64 {
        try await read { db in try EventStore.lastPosition(in: db) }
    }

    package func version(ofStream streamID: String) async throws -> Int64 {
        try await read { db in try EventStore.streamVersion(of: streamID, in: db) }
    }

    package func follow(after position: Int64) -> AsyncThrowingStream<RecordedEvent, any Error> {
        .forwarding(subscribe(after: position))
    }
}

extension AsyncThrowingStream where Failure == any Error, Element: Sendable {
    /// The elements of `sequence`, iterated on a task of its own that is cancelled when the stream is dropped;
    /// `kept` lives as long as that task (what the sequence's storage needs).
    package static func forwarding<Source: AsyncSequence & Sendable>(
        _ sequence: Source, keeping kept: (any Sendable)? = nil
    ) -> Self where Source.Element == Element {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await element in sequence { continuation.yield(element) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
                withExtendedLifetime(kept) {}
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

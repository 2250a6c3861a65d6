import Foundation

/// The event log and the read models kept beside it, on one engine: what the application runs on. SQLite's
/// `EventStore` (one file, one machine) and PostgreSQL's `PostgresEventStore` (several nodes, one database) both
/// are one; the domain, the commands and the read models have one code path over either.
///
/// - `transaction`: one write transaction, holding the store's single writer (SQLite's IMMEDIATE lock, or
///   PostgreSQL's append lock), so a command's reads and its append are one decision; errors its body throws
///   come out unchanged, the engine's own as `EventStoreError`.
/// - `snapshot`: one read transaction; every query in it sees the same moment.
/// - the `queued` forms: the same, for callers on Swift's cooperative pool, which wait without holding a thread.
package protocol EventDatabase: EventLog {
    var options: EventStoreOptions { get }
    var engine: SQLEngine { get }
    /// Where the store is, for messages: a file's path, or a database's address without its password.
    var location: String { get }

    func transaction<T>(_ body: (any SQLDatabase) throws -> T) throws -> T
    func queuedTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws -> T
    /// A write transaction for claims on queued work, which lock what they take (`FOR UPDATE SKIP LOCKED`) and so
    /// need not wait for the store's single writer: PostgreSQL's runs beside commands; SQLite's is `transaction`.
    func claiming<T>(_ body: (any SQLDatabase) throws -> T) throws -> T
    func snapshot<T>(_ body: (any SQLDatabase) throws -> T) throws(EventStoreError) -> T
    func queuedSnapshot<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T)
        async throws(EventStoreError) -> T

    /// Appends inside a `transaction`, keeping the inline read models in it.
    func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date, in db: any SQLDatabase) throws
        -> [AppendResult]
    /// The results of a command already handled, or nil when its id is new.
    func commandResults(for commandID: UUID, in db: any SQLDatabase) throws -> [AppendResult]?
}

extension EventDatabase {
    /// The events of one stream from `version`, in their current shape, inside a transaction.
    package func readStream(_ streamID: String, fromVersion version: Int64 = 1, in db: any SQLDatabase) throws
        -> [RecordedEvent]
    {
        try EventRows(upcasters: options.upcasters).stream(streamID, fromVersion: version, in: db)
    }

    /// Every event after `position` in order, `batchSize` at a time, read in one snapshot; `body` returns false
    /// to stop.
    package func forEachBatch(
        after position: Int64 = 0, batchSize: Int = 1000, _ body: ([RecordedEvent]) throws -> Bool
    ) throws {
        if let store = self as? EventStore {
            return try store.forEachBatch(after: position, batchSize: batchSize, body)
        }
        let rows = EventRows(upcasters: options.upcasters)
        try snapshot { db in
            var cursor = position
            while true {
                let batch = try rows.matching(
                    "position > ? ORDER BY position LIMIT ?", arguments: [cursor, batchSize], in: db)
                guard let last = batch.last, try body(batch) else { return }
                cursor = last.position
            }
        }
    }

    /// Up to `limit` events matching `condition`, newest first, inside a transaction.
    package func readNewest(where condition: String, arguments: [String], limit: Int, in db: any SQLDatabase)
        throws -> [RecordedEvent]
    {
        try EventRows(upcasters: options.upcasters).newest(
            where: condition, arguments: arguments, limit: limit, in: db)
    }
}

extension EventDatabase {
    /// `transaction` with every error the store's (a body's own error described in it).
    package func writing<T>(_ body: (any SQLDatabase) throws -> T) throws(EventStoreError) -> T {
        do {
            return try transaction(body)
        } catch {
            throw EventStoreError.wrapping(error)
        }
    }

    /// `queuedTransaction` with every error the store's.
    package func queuedWriting<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T)
        async throws(EventStoreError) -> T
    {
        do {
            return try await queuedTransaction(body)
        } catch {
            throw EventStoreError.wrapping(error)
        }
    }
}

extension EventStoreError {
    /// `error` as the store's: its own as it is, any other described.
    package static func wrapping(_ error: any Error) -> EventStoreError {
        (error as? EventStoreError) ?? .storage(code: -1, message: String(describing: error))
    }
}

extension EventDatabase {
    /// The results of a command already handled, or nil when its id is new.
    package func commandResults(for commandID: UUID) throws(EventStoreError) -> [AppendResult]? {
        try snapshot { db in try commandResults(for: commandID, in: db) }
    }

    /// The version a stream is at; 0 when it has no events.
    package func streamVersion(of streamID: String) throws(EventStoreError) -> Int64 {
        try snapshot { db in
            try db.value(Int64.self, "SELECT MAX(stream_version) FROM events WHERE stream_id = ?", streamID) ?? 0
        }
    }

    /// The stream's events from `first` through `last` (stream versions), in order, in their current shape.
    package func readStream(_ streamID: String, fromVersion first: Int64, throughVersion last: Int64)
        throws(EventStoreError) -> [RecordedEvent]
    {
        try snapshot { db in
            try EventRows(upcasters: options.upcasters).stream(
                streamID, fromVersion: first, throughVersion: last, in: db)
        }
    }
}

extension EventDatabase {
    /// The events of one stream from `version` (1 is the first), in order, in their current shape.
    package func readStream(_ streamID: String, fromVersion version: Int64 = 1) throws(EventStoreError)
        -> [RecordedEvent]
    {
        try readStream(streamID, fromVersion: version, throughVersion: .max)
    }
}

extension EventDatabase {
    /// How many events the store holds.
    package func eventCount() throws(EventStoreError) -> Int {
        try snapshot { db in try db.value(Int.self, "SELECT COUNT(*) FROM events") ?? 0 }
    }
}

import CDOPPrimitives
import Foundation
import GRDB

extension EventStore {
    /// The events of one stream from `version` (1 is the first), in order, in their current shape.
    package func readStream(_ streamID: String, fromVersion version: Int64 = 1) throws(EventStoreError)
        -> [RecordedEvent]
    {
        try read { db in try self.readStream(streamID, fromVersion: version, in: db) }
    }

    /// The stream's events from `first` through `last` (stream versions), in order.
    package func readStream(_ streamID: String, fromVersion first: Int64, throughVersion last: Int64)
        throws(EventStoreError) -> [RecordedEvent]
    {
        try read { db in
            try Self.readStream(
                streamID, fromVersion: first, throughVersion: last, upcasters: self.options.upcasters, in: db)
        }
    }

    package func readStream(_ streamID: String, fromVersion version: Int64 = 1, in db: Database) throws
        -> [RecordedEvent]
    {
        try Self.readStream(streamID, fromVersion: version, upcasters: options.upcasters, in: db)
    }

    static func readStream(
        _ streamID: String, fromVersion version: Int64, upcasters: UpcasterRegistry, in db: Database
    ) throws -> [RecordedEvent] {
        try readStream(streamID, fromVersion: version, throughVersion: Int64.max, upcasters: upcasters, in: db)
    }

    static func readStream(
        _ streamID: String, fromVersion first: Int64, throughVersion last: Int64, upcasters: UpcasterRegistry,
        in db: Database
    ) throws -> [RecordedEvent] {
        let statement = RawStatement(
            try db.cachedStatement(
                sql: "SELECT \(EventRowReader.columns) FROM events "
                    + "WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ? ORDER BY stream_version"),
            in: db)
        defer { statement.finish() }
        statement.bind(1, text: streamID)
        statement.bind(2, first)
        statement.bind(3, last)
        return try EventRowReader(upcasters: upcasters).readAll(statement)
    }

    /// Up to `limit` events after global position `position` (0 reads from the start), in commit order.
    package func readAll(after position: Int64, limit: Int) throws(EventStoreError) -> [RecordedEvent] {
        try read { db in try self.readAll(after: position, limit: limit, in: db) }
    }

    package func readAll(after position: Int64, limit: Int, in db: Database) throws -> [RecordedEvent] {
        let statement = RawStatement(
            try db.cachedStatement(
                sql: "SELECT \(EventRowReader.columns) FROM events "
                    + "WHERE position > ? ORDER BY position LIMIT ?"), in: db)
        defer { statement.finish() }
        statement.bind(1, position)
        statement.bind(2, Int64(limit))
        return try EventRowReader(upcasters: options.upcasters).readAll(statement, expectedCount: limit)
    }

    /// Up to `limit` events matching `condition` (SQL over the events table's columns, its `?` bound in order to
    /// `arguments`), newest first, in their current shape: for questions asked of the log itself (the access log).
    package func readNewest(
        where condition: String, arguments: [String], limit: Int, in db: Database
    ) throws -> [RecordedEvent] {
        try Self.readNewest(where: condition, arguments: arguments, limit: limit, upcasters: options.upcasters, in: db)
    }

    static func readNewest(
        where condition: String, arguments: [String], limit: Int, upcasters: UpcasterRegistry, in db: Database
    ) throws -> [RecordedEvent] {
        let statement = RawStatement(
            try db.cachedStatement(
                sql: "SELECT \(EventRowReader.columns) FROM events "
                    + "WHERE \(condition) ORDER BY position DESC LIMIT ?"), in: db)
        defer { statement.finish() }
        for (index, argument) in arguments.enumerated() { statement.bind(Int32(index + 1), text: argument) }
        statement.bind(Int32(arguments.count + 1), Int64(limit))
        return try EventRowReader(upcasters: upcasters).readAll(statement, expectedCount: limit)
    }

    /// Every event after `position`, in batches of `batchSize`, from one consistent snapshot.
    ///
    /// For replays and exports over the whole store; `body` may stop early by returning false.
    package func forEachBatch(
        after position: Int64 = 0, batchSize: Int = 1000, _ body: ([RecordedEvent]) throws -> Bool
    ) throws(EventStoreError) {
        try read { db in
            var cursor = position
            while true {
                let batch = try self.readAll(after: cursor, limit: batchSize, in: db)
                guard let last = batch.last else { return }
                guard try body(batch) else { return }
                cursor = last.position
            }
        }
    }

    /// The position of the newest event; 0 for an empty store.
    package func lastPosition() throws(EventStoreError) -> Int64 {
        try read { db in try Self.lastPosition(in: db) }
    }

    package static func lastPosition(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM events") ?? 0
    }

    /// How many events the store holds.
    package func eventCount() throws(EventStoreError) -> Int {
        try read { db in try Self.eventCount(in: db) }
    }

    package static func eventCount(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0
    }

    /// How many events the stream holds; 0 when it does not exist.
    package func streamVersion(of streamID: String) throws(EventStoreError) -> Int64 {
        try read { db in try Self.streamVersion(of: streamID, in: db) }
    }

    package static func streamVersion(of streamID: String, in db: Database) throws -> Int64 {
        let statement = RawStatement(
            try db.cachedStatement(sql: "SELECT MAX(stream_version) FROM events WHERE stream_id = ?"), in: db)
        defer { statement.finish() }
        statement.bind(1, text: streamID)
        guard try statement.step(), !statement.isNull(0) else { return 0 }
        return statement.int64(0)
    }
}

/// Turns rows of the events table into `RecordedEvent` values without GRDB's Row machinery.
///
/// Consecutive events very often share a type name and a commit time (one command writes several events in
/// one transaction), so the reader reuses the previous row's `String` and `Date` when the bytes are the same:
/// reading a million events a second leaves no room for two needless allocations and a parse per row.
struct EventRowReader {
    static let columns =
        "position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at"

    let upcasters: UpcasterRegistry

    func readAll(_ statement: RawStatement, expectedCount: Int = 0) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(min(expectedCount, 10_000))
        var previous = RepeatedValues()
        while try statement.step() {
            let event = try event(from: statement, previous: &previous)
            events.append(upcasters.isEmpty ? event : try upcasters.upcast(event))
        }
        return events
    }

    private func event(from row: RawStatement, previous: inout RepeatedValues) throws -> RecordedEvent {
        let position = row.int64(0)
        guard let eventID = row.withBytes(1, UUIDText.parse(bytes:)),
            let recordedAt = row.withBytes(8, { previous.recordedAt(for: $0) })
        else {
            throw EventStoreError.storage(code: -1, message: "event \(position) has a malformed id or timestamp")
        }
        return RecordedEvent(
            position: position, eventID: eventID, streamID: row.withBytes(2) { previous.streamID(for: $0) },
            streamVersion: row.int64(3), type: row.withBytes(4) { previous.type(for: $0) },
            schemaVersion: Int(row.int64(5)), data: row.data(6), metadata: row.data(7), recordedAt: recordedAt)
    }
}

/// The last row's text columns, kept so an identical next value is reused instead of rebuilt.
private struct RepeatedValues {
    private var typeValue = ""
    private var streamValue = ""
    private var timeWords: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var timeValue: Date?

    mutating func type(for bytes: UnsafeBufferPointer<UInt8>) -> String {
        if !Self.same(bytes, typeValue) { typeValue = String(decoding: bytes, as: UTF8.self) }
        return typeValue
    }

    mutating func streamID(for bytes: UnsafeBufferPointer<UInt8>) -> String {
        if !Self.same(bytes, streamValue) { streamValue = String(decoding: bytes, as: UTF8.self) }
        return streamValue
    }

    /// The timestamp is exactly 24 bytes: three words to compare.
    mutating func recordedAt(for bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 24, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let words = (
            raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        )
        if timeValue == nil || words != timeWords {
            timeWords = words
            timeValue = UTCTimestamp.parse(bytes)
        }
        return timeValue
    }

    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ string: String) -> Bool {
        guard bytes.count == string.utf8.count, let base = bytes.baseAddress else {
            return bytes.isEmpty && string.isEmpty
        }
        return string.utf8.withContiguousStorageIfAvailable { stored in
            memcmp(base, stored.baseAddress!, bytes.count) == 0
        } ?? false
    }
}

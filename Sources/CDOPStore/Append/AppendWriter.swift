import Foundation
import GRDB

/// Writes the shares of one append inside its transaction: checks each stream's version, inserts the events
/// and recognises a retried batch.
struct AppendWriter {
    let db: Database
    let timestamp: String
    let recordedAt: Date
    /// Seals personal fields before they are stored (the events recorded for the projections keep them open).
    let protection: (any StoredDataProtection)?
    var newStreamsHaveNewSubjects = true
    /// What this append wrote, for the inline projections.
    private(set) var recorded: [RecordedEvent] = []

    init(db: Database, timestamp: String, protection: (any StoredDataProtection)?) {
        self.db = db
        self.protection = protection
        self.timestamp = timestamp
        self.recordedAt = UTCTimestamp.parse(timestamp)!
    }

    mutating func append(_ share: StreamAppend) throws -> AppendResult {
        let actual = try EventStore.streamVersion(of: share.streamID, in: db)
        guard share.expected.isSatisfied(by: actual) else {
            if let replay = try replayIfAlreadyStored(share) { return replay }
            throw EventStoreError.wrongExpectedVersion(stream: share.streamID, expected: share.expected, actual: actual)
        }
        let insert = RawStatement(try db.cachedStatement(sql: StoreSchema.insertEvent), in: db)
        defer { insert.finish() }
        var version = actual
        var firstPosition: Int64 = 0
        for (offset, event) in share.events.enumerated() {
            version += 1
            insert.bind(1, uuid: event.eventID)
            insert.bind(2, text: share.streamID)
            insert.bind(3, version)
            insert.bind(4, text: event.type)
            insert.bind(5, Int64(event.schemaVersion))
            insert.bind(
                6,
                utf8: try stored(event, streamID: share.streamID, streamIsNew: actual == 0 && newStreamsHaveNewSubjects)
            )
            insert.bind(7, utf8: event.metadata)
            insert.bind(8, text: timestamp)
            do {
                try insert.execute()
            } catch let error as DatabaseError where error.isDuplicateEventID {
                // The first event already stored means a retried batch; a later one is a partial overlap.
                guard offset == 0, let replay = try replayIfAlreadyStored(share) else {
                    throw try overlapError(share, event: event, insertedHere: offset)
                }
                return replay
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK {
                throw EventStoreError.invalidJSON(eventID: event.eventID)
            }
            let position = sqlite3LastInsertRowID(db)
            if offset == 0 { firstPosition = position }
            recorded.append(
                RecordedEvent(
                    position: position, eventID: event.eventID, streamID: share.streamID, streamVersion: version,
                    type: event.type, schemaVersion: event.schemaVersion, data: event.data,
                    metadata: event.metadata, recordedAt: recordedAt))
        }
        return AppendResult(
            streamID: share.streamID, firstPosition: firstPosition,
            lastPosition: firstPosition
                + Int64(share.events.count) - 1, streamVersion: version, wasAlreadyStored: false)
    }

    /// The bytes to store for `event`'s data.
    private func stored(_ event: NewEvent, streamID: String, streamIsNew: Bool) throws(EventStoreError) -> Data {
        guard let protection else { return event.data }
        do {
            return try protection.seal(
                event.data, type: event.type, streamID: streamID, eventID: event.eventID, now: recordedAt,
                streamIsNew: streamIsNew)
        } catch {
            throw .personalDataUnavailable(position: 0, reason: String(describing: error))
        }
    }

    /// When every event of `share` is stored already, identically, the original result; nil when none is.
    private func replayIfAlreadyStored(_ share: StreamAppend) throws -> AppendResult? {
        let stored = try share.events.map { try StoredEventIdentity.fetch($0.eventID, protection: protection, in: db) }
        let found = stored.compactMap { $0 }
        guard !found.isEmpty else { return nil }
        for (event, original) in zip(share.events, stored) {
            guard let original else { continue }
            guard original.matches(event, streamID: share.streamID) else {
                throw EventStoreError.eventIDReusedWithDifferentContent(eventID: event.eventID, stream: share.streamID)
            }
        }
        guard found.count == share.events.count else {
            throw EventStoreError.batchPartlyStored(
                stream: share.streamID, alreadyStored: found.count, total: share.events.count)
        }
        return AppendResult(
            streamID: share.streamID, firstPosition: found.first!.position, lastPosition: found.last!.position,
            streamVersion: found.last!.streamVersion, wasAlreadyStored: true)
    }

    private func overlapError(_ share: StreamAppend, event: NewEvent, insertedHere: Int) throws -> EventStoreError {
        if let original = try StoredEventIdentity.fetch(event.eventID, protection: protection, in: db),
            !original.matches(event, streamID: share.streamID)
        {
            return .eventIDReusedWithDifferentContent(eventID: event.eventID, stream: share.streamID)
        }
        // The events this append inserted before the clash are rolled back with it: they don't count.
        let stored = try share.events.filter {
            try StoredEventIdentity.fetch($0.eventID, protection: protection, in: db) != nil
        }.count
        return .batchPartlyStored(
            stream: share.streamID, alreadyStored: max(stored - insertedHere, 1), total: share.events.count)
    }
}

/// What decides whether a stored event is "the same" as one appended again: stream, type, version, data.
private struct StoredEventIdentity {
    var position: Int64
    var streamID: String
    var streamVersion: Int64
    var type: String
    var schemaVersion: Int
    var data: Data

    /// The stored event `eventID`, its data opened by `protection`.
    static func fetch(_ eventID: UUID, protection: (any StoredDataProtection)?, in db: Database) throws
        -> StoredEventIdentity?
    {
        let statement = RawStatement(
            try db.cachedStatement(
                sql: """
                    SELECT position, stream_id, stream_version, type, schema_version, data
                    FROM events WHERE event_id = ?
                    """), in: db)
        defer { statement.finish() }
        statement.bind(1, uuid: eventID)
        guard try statement.step() else { return nil }
        let type = statement.string(3)
        let data = statement.data(5)
        return StoredEventIdentity(
            position: statement.int64(0), streamID: statement.string(1), streamVersion: statement.int64(2),
            type: type, schemaVersion: Int(statement.int64(4)),
            data: try protection?.open(data, type: type, eventID: eventID) ?? data)
    }

    func matches(_ event: NewEvent, streamID: String) -> Bool {
        self.streamID == streamID && type == event.type && schemaVersion == event.schemaVersion && data == event.data
    }
}

extension DatabaseError {
    /// A UNIQUE violation on `events.event_id`: the event was appended before.
    var isDuplicateEventID: Bool {
        extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && (message ?? "").contains("events.event_id")
    }
}

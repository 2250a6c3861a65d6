import CDOPPrimitives
import Foundation
import GRDB

extension EventStore {
    /// Appends `events` to one stream if it is at the `expected` version, atomically.
    ///
    /// Appending event ids that are already stored with the same content changes nothing and returns the
    /// original positions; with different content it is refused. A `commandID` already recorded returns the
    /// original result without looking at the events, so a retried command is recognised.
    @discardableResult
    package func append(
        to streamID: String, expected: ExpectedVersion, events: [NewEvent], commandID: UUID? = nil,
        recordedAt: Date
    ) throws(EventStoreError) -> AppendResult {
        let results = try append(
            [StreamAppend(streamID: streamID, expected: expected, events: events)], commandID: commandID,
            recordedAt: recordedAt)
        return results[0]
    }

    /// Appends to several streams in one transaction: all of them, or none.
    @discardableResult
    package func append(
        _ appends: [StreamAppend], commandID: UUID? = nil, recordedAt: Date
    ) throws(EventStoreError) -> [AppendResult] {
        try write { db in try self.append(appends, commandID: commandID, recordedAt: recordedAt, in: db) }
    }

    /// The asynchronous form of `append(_:commandID:recordedAt:)`.
    @discardableResult
    package func append(
        _ appends: [StreamAppend], commandID: UUID? = nil, recordedAt: Date
    ) async throws(EventStoreError) -> [AppendResult] {
        try await write { db in try self.append(appends, commandID: commandID, recordedAt: recordedAt, in: db) }
    }

    /// Appends inside a write transaction the caller already holds (see `write(_:)`).
    package func append(
        _ appends: [StreamAppend], commandID: UUID?, recordedAt: Date, in db: Database
    ) throws -> [AppendResult] {
        if let commandID, let previous = try commandResults(for: commandID, in: db) {
            return previous
        }
        try StreamAppend.validate(appends)
        let timestamp = UTCTimestamp.string(from: recordedAt)
        var writer = AppendWriter(db: db, timestamp: timestamp, protection: options.protection)
        writer.newStreamsHaveNewSubjects = options.newStreamsHaveNewSubjects
        var results: [AppendResult] = []
        for share in appends {
            results.append(try writer.append(share))
        }
        let replayed = results.filter(\.wasAlreadyStored).count
        if replayed > 0 && replayed < results.count {
            let first = results.first(where: \.wasAlreadyStored)!
            throw EventStoreError.batchPartlyStored(
                stream: first.streamID, alreadyStored: replayed, total: results.count)
        }
        if replayed > 0 { return results }
        if let commandID {
            try recordCommand(commandID, results: results, timestamp: timestamp, in: db)
        }
        if !options.inlineProjections.isEmpty {
            try runInlineProjections(writer.recorded, in: db)
        }
        return results
    }

    private func recordCommand(_ commandID: UUID, results: [AppendResult], timestamp: String, in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO commands (command_id, stream_id, first_position, last_position, stream_version, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for result in results {
            try statement.execute(arguments: [
                UUIDText.lowercase(commandID), result.streamID, result.firstPosition, result.lastPosition,
                result.streamVersion, timestamp,
            ])
        }
    }

    private func runInlineProjections(_ events: [RecordedEvent], in db: Database) throws {
        let current = try events.map { event throws(EventStoreError) in try options.upcasters.upcast(event) }
        let lastPosition = events.last?.position ?? 0
        let context = ProjectionContext(db: db, upcasters: options.upcasters)
        for projection in options.inlineProjections {
            try projection.apply(current, in: context)
            try Checkpoints.save(projection.name, position: lastPosition, in: db)
        }
    }

    /// The results of a command already handled, or nil when this command id is new.
    package func commandResults(for commandID: UUID) throws(EventStoreError) -> [AppendResult]? {
        try read { db in try self.commandResults(for: commandID, in: db) }
    }

    package func commandResults(for commandID: UUID, in db: Database) throws -> [AppendResult]? {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT stream_id, first_position, last_position, stream_version FROM commands
                    WHERE command_id = ? ORDER BY first_position
                    """),
            arguments: [UUIDText.lowercase(commandID)])
        guard !rows.isEmpty else { return nil }
        return rows.map { row in
            AppendResult(
                streamID: row[0], firstPosition: row[1], lastPosition: row[2], streamVersion: row[3],
                wasAlreadyStored: true)
        }
    }
}

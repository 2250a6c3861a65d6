import CDOPPrimitives
import CDOPStore
import Foundation
import PostgresNIO

extension PostgresEventStore {
    // MARK: Appending

    package func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date) async throws -> [AppendResult] {
        try StreamAppend.validate(appends)
        let timestamp = UTCTimestamp.string(from: recordedAt)
        let data = try appends.map { share in
            try share.events.map { try stored($0, streamID: share.streamID) }
        }
        // One share and nothing to project is one statement, atomic on its own: one round trip.
        let alone = appends.count == 1 && options.inlineProjections.isEmpty
        do {
            return try await PostgresSession.onSessionThread {
                try self.sessions.withSession(transaction: !alone, protection: self.protection) { session in
                    if alone { try self.protection?.willCommit() }
                    return try self.append(appends, data, commandID: commandID, timestamp, in: session)
                }
            }
        } catch {
            if alone { protection?.didRollback() }
            throw Self.mapped(error)
        }
    }

    /// Appends inside the session's transaction, then brings the inline read models up to date in it.
    package func append(
        _ appends: [StreamAppend], _ data: [[String]], commandID: UUID?, _ timestamp: String,
        in session: PostgresSession
    ) throws -> [AppendResult] {
        var results: [AppendResult] = []
        var recorded: [RecordedEvent] = []
        for (index, share) in appends.enumerated() {
            let outcome = try call(share, data[index], commandID, first: index == 0, timestamp, in: session)
            let found = try self.results(of: outcome, share, commandID, in: session)
            if outcome.status == "command-handled" { return found }
            results += found
            if outcome.status == "appended", let first = outcome.firstPosition, let version = outcome.streamVersion {
                let firstVersion = version - Int64(share.events.count) + 1
                for (offset, event) in share.events.enumerated() {
                    recorded.append(
                        RecordedEvent(
                            position: first + Int64(offset), eventID: event.eventID, streamID: share.streamID,
                            streamVersion: firstVersion + Int64(offset), type: event.type,
                            schemaVersion: event.schemaVersion, data: Data(data[index][offset].utf8),
                            metadata: event.metadata, recordedAt: UTCTimestamp.parse(timestamp) ?? Date()))
                }
            }
        }
        let replayed = results.filter(\.wasAlreadyStored).count
        if replayed > 0 && replayed < results.count, let first = results.first(where: \.wasAlreadyStored) {
            throw EventStoreError.batchPartlyStored(
                stream: first.streamID, alreadyStored: replayed, total: results.count)
        }
        if replayed == 0 && !options.inlineProjections.isEmpty {
            try runInlineProjections(recorded, in: session)
        }
        return results
    }

    private func runInlineProjections(_ events: [RecordedEvent], in session: PostgresSession) throws {
        let current = try events.map { try options.upcasters.upcast($0) }
        let context = ProjectionContext(db: session, upcasters: options.upcasters)
        for projection in options.inlineProjections {
            try projection.apply(current, in: context)
            try Checkpoints.save(projection.name, position: events.last?.position ?? 0, in: session)
        }
    }

    /// What `cdop_append` said of one share.
    private struct ShareOutcome {
        var status: String
        var firstPosition: Int64?
        var lastPosition: Int64?
        var streamVersion: Int64?
    }

    /// Calls `cdop_append` for one share (`first`: the command's first, which asks whether it was handled).
    private func call(
        _ share: StreamAppend, _ data: [String], _ commandID: UUID?, first: Bool, _ timestamp: String,
        in session: PostgresSession
    ) throws -> ShareOutcome {
        let (kind, expected): (String, Int64) =
            switch share.expected {
            case .any: ("any", 0)
            case .noStream: ("no-stream", 0)
            case .streamExists: ("stream-exists", 0)
            case .exact(let version): ("exact", version)
            }
        let ids = share.events.map(\.eventID)
        let types = share.events.map(\.type)
        let schemaVersions = share.events.map { Int32($0.schemaVersion) }
        let metadata = share.events.map { String(decoding: $0.metadata, as: UTF8.self) }
        do {
            let rows = try session.query(
                """
                SELECT status, first_position, last_position, stream_version FROM cdop_append(
                    \(share.streamID), \(kind), \(expected), \(ids)::uuid[], \(types)::text[],
                    \(schemaVersions)::integer[], \(data)::text[], \(metadata)::text[], \(timestamp), \(commandID),
                    \(first))
                """)
            guard let row = rows.first else {
                throw EventStoreError.storage(code: -1, message: "cdop_append returned no row")
            }
            return ShareOutcome(
                status: row["status"], firstPosition: row["first_position"], lastPosition: row["last_position"],
                streamVersion: row["stream_version"])
        } catch let error as PostgresStatementError where ["22P02", "23514"].contains(error.code ?? "") {
            // Not JSON: which event, told apart here, on the error's path only.
            let bad = share.events.first {
                (try? JSONSerialization.jsonObject(with: $0.data, options: [.fragmentsAllowed])) == nil
                    || (try? JSONSerialization.jsonObject(with: $0.metadata, options: [.fragmentsAllowed])) == nil
            }
            throw EventStoreError.invalidJSON(eventID: bad?.eventID ?? share.events[0].eventID)
        }
    }

    /// The results an outcome stands for: the share's, a handled command's (all its streams'), or a replay's
    /// (compared event by event, opened).
    private func results(
        of outcome: ShareOutcome, _ share: StreamAppend, _ commandID: UUID?, in session: PostgresSession
    ) throws -> [AppendResult] {
        switch outcome.status {
        case "appended":
            return [
                AppendResult(
                    streamID: share.streamID, firstPosition: outcome.firstPosition ?? 0,
                    lastPosition: outcome.lastPosition ?? 0, streamVersion: outcome.streamVersion ?? 0,
                    wasAlreadyStored: false)
            ]
        case "command-handled":
            guard let commandID, let previous = try commandResults(commandID, in: session) else {
                throw EventStoreError.storage(code: -1, message: "a handled command's results are missing")
            }
            return previous
        case "stored-already":
            guard let replay = try replayIfAlreadyStored(share, in: session) else {
                throw EventStoreError.storage(code: -1, message: "events reported stored were not found")
            }
            return [replay]
        default:
            throw EventStoreError.wrongExpectedVersion(
                stream: share.streamID, expected: share.expected, actual: outcome.streamVersion ?? 0)
        }
    }

    /// When every event of `share` is stored already, identically, the original result; nil when none is.
    private func replayIfAlreadyStored(_ share: StreamAppend, in session: PostgresSession) throws -> AppendResult? {
        let ids = share.events.map(\.eventID.uuidString)
        let condition = "event_id::text IN (\(ids.map { _ in "?" }.joined(separator: ", "))) ORDER BY position"
        let rows = EventRows(upcasters: options.upcasters)
        var stored: [UUID: RecordedEvent] = [:]
        for event in try rows.matching(condition, arguments: ids.map { $0.lowercased() }, in: session) {
            stored[event.eventID] = event
        }
        guard !stored.isEmpty else { return nil }
        for event in share.events {
            guard let original = stored[event.eventID] else { continue }
            guard
                original.streamID == share.streamID && original.type == event.type
                    && original.schemaVersion == event.schemaVersion && original.data == event.data
            else {
                throw EventStoreError.eventIDReusedWithDifferentContent(eventID: event.eventID, stream: share.streamID)
            }
        }
        guard stored.count == share.events.count else {
            throw EventStoreError.batchPartlyStored(
                stream: share.streamID, alreadyStored: stored.count, total: share.events.count)
        }
        let found = share.events.compactMap { stored[$0.eventID] }
        return AppendResult(
            streamID: share.streamID, firstPosition: found[0].position, lastPosition: found[found.count - 1].position,
            streamVersion: found[found.count - 1].streamVersion, wasAlreadyStored: true)
    }

    /// The results of a command already handled, or nil when this command id is new.
    func commandResults(_ commandID: UUID, in session: PostgresSession) throws -> [AppendResult]? {
        let rows = try session.rows(
            """
            SELECT stream_id, first_position, last_position, stream_version FROM commands
            WHERE command_id::text = ? ORDER BY first_position
            """, commandID.uuidString.lowercased())
        guard !rows.isEmpty else { return nil }
        return rows.map { row in
            AppendResult(
                streamID: row[0], firstPosition: row[1], lastPosition: row[2], streamVersion: row[3],
                wasAlreadyStored: true)
        }
    }
}

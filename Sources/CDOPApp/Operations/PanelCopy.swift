import CDOPProjections
import CDOPStore
import Foundation

/// Moves a panel from one database to another, SQLite or PostgreSQL either way (`cdop copy`): every event in
/// order, at the same positions, each command's events appended together under its id (so a command retried
/// after the move is still recognised); the read models are kept by the destination's own projections as the
/// events arrive. The panel's records that are not events (staff passwords and second factors, send attempts) are
/// copied as rows. Then both sides are compared: each event, opened, and every read model as it reads.
package struct PanelCopy {
    package let source: any EventDatabase
    package let destination: any EventDatabase

    package init(from source: any EventDatabase, to destination: any EventDatabase) {
        self.source = source
        self.destination = destination
    }

    /// The tables kept beside the events that a copy carries: staff credentials, and what the senders have tried.
    package static let carriedTables = ["user_credentials", "timer_attempts", "outbox_attempts"]

    package struct Report: Sendable, Equatable, Codable {
        package var events: Int
        package var commands: Int
        package var rows: [String: Int]
        package var readModelsCompared: Int
    }

    package enum Problem: Error, Equatable, CustomStringConvertible {
        case destinationNotEmpty(location: String, events: Int)
        case eventDiffers(position: Int64)
        case eventCountDiffers(source: Int, destination: Int)
        case tableDiffers(table: String)

        package var description: String {
            switch self {
            case .destinationNotEmpty(let location, let events):
                "\(location) already holds \(events) event(s): a panel is copied into an empty database only."
            case .eventDiffers(let position):
                "The copy's event \(position) differs from the source's: the copy is not to be used."
            case .eventCountDiffers(let source, let destination):
                "The source holds \(source) events and the copy \(destination): was cdop writing to the source?"
            case .tableDiffers(let table):
                "The copy's \(table) differs from the source's: the copy is not to be used."
            }
        }
    }

    /// Copies, then compares; `progress` is told the events copied so far.
    package func run(batchSize: Int = 1_000, progress: (Int) -> Void = { _ in }) async throws -> Report {
        let already = try destination.eventCount()
        guard already == 0 else { throw Problem.destinationNotEmpty(location: destination.location, events: already) }
        var report = Report(events: 0, commands: 0, rows: [:], readModelsCompared: 0)
        var position: Int64 = 0
        while true {
            let batch = try await source.events(after: position, limit: batchSize)
            guard let last = batch.last else { break }
            let commands = try source.snapshot { db in
                try Self.commands(from: batch[0].position, through: last.position, in: db)
            }
            for group in Self.groups(batch, commands: commands) {
                _ = try await destination.append(
                    Self.shares(group.events), commandID: group.commandID, recordedAt: group.events[0].recordedAt)
                if group.commandID != nil { report.commands += 1 }
            }
            report.events += batch.count
            position = last.position
            progress(report.events)
        }
        for table in Self.carriedTables {
            let rows = try source.snapshot { db in try Self.rows(of: table, in: db) }
            try destination.writing { db in
                for row in rows {
                    let list = row.columns.joined(separator: ", ")
                    let marks = row.columns.map { _ in "?" }.joined(separator: ", ")
                    try db.execute("INSERT INTO \(table) (\(list)) VALUES (\(marks))", arguments: row.values)
                }
            }
            report.rows[table] = rows.count
        }
        try await compare(&report)
        return report
    }

    /// Each event, opened, and each read model and carried table as it reads, the same on both sides.
    private func compare(_ report: inout Report) async throws {
        var position: Int64 = 0
        var compared = 0
        while true {
            let mine = try await source.events(after: position, limit: 1_000)
            let theirs = try await destination.events(after: position, limit: 1_000)
            for (original, copy) in zip(mine, theirs)
            where original.eventID != copy.eventID || original.position != copy.position
                || original.streamID != copy.streamID || original.streamVersion != copy.streamVersion
                || original.type != copy.type || original.schemaVersion != copy.schemaVersion
                || original.data != copy.data || original.metadata != copy.metadata
                || original.recordedAt != copy.recordedAt
            {
                throw Problem.eventDiffers(position: original.position)
            }
            guard mine.count == theirs.count else {
                throw Problem.eventCountDiffers(source: compared + mine.count, destination: compared + theirs.count)
            }
            guard let last = mine.last else { break }
            compared += mine.count
            position = last.position
        }
        for table in ReadModelRebuild.tables.map(\.name) + Self.carriedTables {
            let original = try source.snapshot { db in try ReadModelsAsRead.rows(of: table, in: db) }
            let copy = try destination.snapshot { db in try ReadModelsAsRead.rows(of: table, in: db) }
            guard original == copy else { throw Problem.tableDiffers(table: table) }
            report.readModelsCompared += 1
        }
    }

    /// The commands whose events lie in the positions given: the id of each position's command.
    static func commands(from first: Int64, through last: Int64, in db: any SQLDatabase) throws -> [Int64: UUID] {
        var found: [Int64: UUID] = [:]
        for row in try db.rows(
            """
            SELECT CAST(command_id AS TEXT) AS id, first_position, last_position FROM commands
            WHERE last_position >= ? AND first_position <= ?
            """, first, last)
        {
            guard let id = UUID(uuidString: row["id"]) else { continue }
            for position in (row["first_position"] as Int64)...(row["last_position"] as Int64) { found[position] = id }
        }
        return found
    }

    /// Consecutive events of one command (appended together, under its id), or single events of none.
    static func groups(_ events: [RecordedEvent], commands: [Int64: UUID]) -> [(
        commandID: UUID?, events: [RecordedEvent]
    )] {
        var groups: [(commandID: UUID?, events: [RecordedEvent])] = []
        for event in events {
            let command = commands[event.position]
            if let command, let last = groups.last, last.commandID == command {
                groups[groups.count - 1].events.append(event)
            } else {
                groups.append((command, [event]))
            }
        }
        return groups
    }

    /// A group's events as shares, one per run of a stream, each expecting the version before its first event.
    static func shares(_ events: [RecordedEvent]) -> [StreamAppend] {
        var shares: [StreamAppend] = []
        for event in events {
            let new = NewEvent(
                eventID: event.eventID, type: event.type, schemaVersion: event.schemaVersion, data: event.data,
                metadata: event.metadata)
            if let last = shares.last, last.streamID == event.streamID {
                shares[shares.count - 1].events.append(new)
            } else {
                shares.append(
                    StreamAppend(streamID: event.streamID, expected: .exact(event.streamVersion - 1), events: [new]))
            }
        }
        return shares
    }

    /// Every row of a table, as stored.
    static func rows(of table: String, in db: any SQLDatabase) throws -> [SQLRow] {
        guard try db.tableExists(table) else { return [] }
        let columns = try db.columns(of: table)
        return try db.rows("SELECT \(columns.joined(separator: ", ")) FROM \(table)")
    }
}

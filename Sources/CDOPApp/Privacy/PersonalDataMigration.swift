import CDOPPrivacy
import CDOPStore
import Foundation
import GRDB

/// Writes a new database holding the same events as an existing one with every personal field sealed, since the
/// log is append-only and events written before sealing began cannot be sealed in place. Each event keeps its
/// position, id, stream, version, type, metadata and time; its data is opened as stored (the older events in
/// the clear, the newer sealed under the old keys) and sealed again under keys of a new keys file. The people
/// erased stay erased: their tombstones are carried over, and any field of theirs stored in the clear is written
/// as erased. The tables that are not read models (commands, checkpoints, accounts' credentials, sessions,
/// delivery attempts) are copied as they are; the read models are filled again from the copied events.
///
/// The copy is then verified: every event of the new database, opened with the new keys, must equal the old one
/// field by field, and every copied table row by row. Anything else, or an event appended to the old database
/// meanwhile, and the copy is removed. It is written as `.partial` files renamed only once verified, so a copy
/// cut short is never taken for a finished one.
package struct PersonalDataMigration {
    package struct Report: Sendable, Equatable, Codable {
        package var database: String
        package var keys: String
        package var events: Int
        package var lastPosition: Int64
        /// Events with at least one field sealed in the copy.
        package var sealedEvents: Int
        /// People with a key in the new keys file.
        package var subjects: Int
        /// People erased before, kept erased in the copy.
        package var erasedSubjects: Int
        /// Events holding a field of an erased person in the clear, written erased in the copy.
        package var erasedInTheCopy: Int
        /// The other tables copied, by name, with their rows.
        package var tables: [String: Int]
        /// Where the link secret was copied (nil: the copy's folder had one, or `CDOP_LINK_SECRET` sets it).
        package var linkSecret: String?
    }

    package enum Problem: Error, Equatable, CustomStringConvertible {
        case sameDatabase(String)
        case destinationExists(String)
        case sourceChanged(copiedUpTo: Int64, now: Int64)
        case eventDiffers(position: Int64, part: String)
        case eventMissing(position: Int64)
        case tableDiffers(table: String, rows: Int)
        case tableMissing(table: String)

        package var description: String {
            switch self {
            case .sameDatabase(let path):
                "The copy must be a new database, not \(path) itself: give --out a new file."
            case .destinationExists(let path):
                "\(path) exists already: the copy is written to a new file only. Choose another --out, or remove it."
            case .sourceChanged(let copied, let now):
                "Events were appended while copying (copied up to position \(copied), the database is now at \(now)): stop the server and the timers, then run it again. Nothing was kept."
            case .eventDiffers(let position, let part):
                "The copy of event \(position) differs from the original in its \(part): nothing was kept."
            case .eventMissing(let position):
                "Event \(position) is missing from the copy, or the copy holds one the original does not: nothing was kept."
            case .tableDiffers(let table, let rows):
                "The copy's \(table) table differs from the original in \(rows) rows: nothing was kept."
            case .tableMissing(let table):
                "The copy has no \(table) table: this cdop is older than the database. Nothing was kept."
            }
        }
    }

    /// Tables the copy makes for itself: the events (copied sealed), the schema's own records and the read
    /// models (filled again from the events).
    static let tablesNotCopied = Set(
        ["events", "schema_migrations", "read_models_to_refill", "privacy_keyring"]
            + ReadModelRebuild.tables.map(\.name))

    /// How many events are read, sealed and written in one transaction.
    static let batch = 2_000

    let source: Engine
    /// The source's SQLite store: the copy is made file to file.
    let store: EventStore

    package init(source: Engine) throws(SQLiteOnly) {
        self.source = source
        store = try source.requireSQLite(for: "cdop privacy migrate")
    }

    /// Copies the source database to `output`, with its keys at `keys` (beside it by default), and verifies it;
    /// `progress` is told the events copied.
    package func run(to output: String, keys: String? = nil, progress: (Int) -> Void = { _ in }) throws -> Report {
        let output = URL(fileURLWithPath: output).standardizedFileURL.path
        let keys =
            keys.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? PersonalDataProtection.keysPath(besides: output)
        for path in [output, keys] {
            guard path != store.path, path != source.configuration.keysPath else {
                throw Problem.sameDatabase(path)
            }
            guard !FileManager.default.fileExists(atPath: path) else { throw Problem.destinationExists(path) }
        }
        // No server may write to the database meanwhile (a `cdop tick` that does is caught by the check at the end).
        let lock = try DatabaseLock.acquire(.exclusive, for: store.path)
        defer { withExtendedLifetime(lock) {} }
        let (partial, partialKeys) = (output + ".partial", keys + ".partial")
        SQLiteFiles.remove(partial)
        SQLiteFiles.remove(partialKeys)
        do {
            var report = try copy(into: partial, keys: partialKeys, progress: progress)
            SQLiteFiles.removeCompanions(of: partial)
            SQLiteFiles.removeCompanions(of: partialKeys)
            try FileManager.default.moveItem(atPath: partialKeys, toPath: keys)
            try FileManager.default.moveItem(atPath: partial, toPath: output)
            (report.database, report.keys) = (output, keys)
            report.linkSecret = try copyLinkSecret(besides: output)
            return report
        } catch {
            SQLiteFiles.remove(partial)
            SQLiteFiles.remove(partialKeys)
            throw error
        }
    }

    /// Writes and verifies the copy at `path`, then closes it.
    private func copy(into path: String, keys: String, progress: (Int) -> Void) throws -> Report {
        var configuration = source.configuration
        configuration.databasePath = path
        configuration.keysDatabasePath = keys
        let copy = try Engine(
            configuration: configuration, schedules: source.workflow.schedules,
            linkSecret: Data(repeating: 0, count: 32)
        ).requireSQLite(for: "cdop privacy migrate")
        guard let oldKeys = PersonalDataProtection.keyring(of: store),
            let newKeys = PersonalDataProtection.keyring(of: copy),
            let sealing = copy.options.protection as? FieldEncryption
        else { throw PersonalDataErasure.Problem.noKeys }
        let erased = try oldKeys.erasedSubjects()
        for (subject, erasedAt) in erased { try newKeys.erase(subject, now: erasedAt) }

        let lastPosition = try store.read { db in try EventStore.lastPosition(in: db) }
        var counts = (events: 0, sealed: 0, erasedInTheCopy: 0)
        var after: Int64 = 0
        while after < lastPosition {
            let events = try storedEvents(of: store, after: after, upTo: lastPosition)
            guard let last = events.last else { break }
            try copy.database.write { db in
                let insert = try db.cachedStatement(sql: Self.insertEvent)
                for event in events {
                    let sealed = try sealing.seal(
                        event.data, type: event.type, streamID: event.streamID, eventID: event.eventID,
                        now: event.recordedAt)
                    if FieldEncryption.holdsMarker(sealed) { counts.sealed += 1 }
                    try insert.execute(arguments: event.arguments(data: sealed))
                }
            }
            counts.events += events.count
            after = last.position
            progress(counts.events)
        }
        let tables = try copyTables(into: copy)
        let now = try store.read { db in try EventStore.lastPosition(in: db) }
        guard now == lastPosition else { throw Problem.sourceChanged(copiedUpTo: lastPosition, now: now) }
        try copy.write { db in try ReadModelRefill.record("privacy.migrate", in: db) }
        _ = try ReadModelRebuild(store: copy).refillLiveTables()

        counts.erasedInTheCopy = try verifyEvents(of: copy, upTo: lastPosition, sealing: sealing)
        try verifyTables(tables.keys.sorted(), of: copy)
        let report = Report(
            database: path, keys: keys, events: counts.events, lastPosition: lastPosition,
            sealedEvents: counts.sealed, subjects: try newKeys.subjects().count, erasedSubjects: erased.count,
            erasedInTheCopy: counts.erasedInTheCopy, tables: tables, linkSecret: nil)
        try copy.database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try copy.database.close()
        try newKeys.close()
        return report
    }

    /// Compares every event of `copy` with the original, opened: equal but for the fields of erased people the
    /// original held in the clear. Returns how many events had such fields.
    private func verifyEvents(of copy: EventStore, upTo lastPosition: Int64, sealing: FieldEncryption) throws -> Int {
        var after: Int64 = 0
        var erasedInTheCopy = 0
        while after < lastPosition {
            let originals = try storedEvents(of: store, after: after, upTo: lastPosition)
            let copies = try storedEvents(of: copy, after: after, upTo: lastPosition)
            guard let last = originals.last else { break }
            for (original, copied) in zip(originals, copies) {
                if let part = original.differs(from: copied) {
                    throw Problem.eventDiffers(position: original.position, part: part)
                }
                guard copied.data != original.data else { continue }
                let expected = try sealing.erasingErased(
                    original.data, type: original.type, streamID: original.streamID, eventID: original.eventID)
                guard copied.data == expected else {
                    throw Problem.eventDiffers(position: original.position, part: "data")
                }
                erasedInTheCopy += 1
            }
            guard copies.count == originals.count else {
                throw Problem.eventMissing(position: originals[min(copies.count, originals.count - 1)].position)
            }
            after = last.position
        }
        let copiedLast = try copy.read { db in try EventStore.lastPosition(in: db) }
        guard copiedLast == lastPosition else { throw Problem.eventMissing(position: copiedLast) }
        return erasedInTheCopy
    }

    /// The source's tables that are neither events nor read models, copied into `copy`: their rows by name.
    private func copyTables(into copy: EventStore) throws -> [String: Int] {
        try attached(to: copy) { db in
            var rows: [String: Int] = [:]
            for table in try copiedTables(db) {
                let columns = try Row.fetchAll(db, sql: "PRAGMA original.table_info(\(table))")
                    .map { "\"\($0["name"] as String)\"" }.joined(separator: ", ")
                try db.execute(sql: "DELETE FROM main.\(table)")
                try db.execute(
                    sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM original.\(table)")
                rows[table] = db.changesCount
            }
            return rows
        }
    }

    /// Checks each copied table holds exactly the original's rows.
    private func verifyTables(_ tables: [String], of copy: EventStore) throws {
        try attached(to: copy) { db in
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA original.table_info(\(table))")
                    .map { "\"\($0["name"] as String)\"" }.joined(separator: ", ")
                let differing =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT (SELECT count(*) FROM (SELECT \(columns) FROM main.\(table)
                                                          EXCEPT SELECT \(columns) FROM original.\(table)))
                                 + (SELECT count(*) FROM (SELECT \(columns) FROM original.\(table)
                                                          EXCEPT SELECT \(columns) FROM main.\(table)))
                            """) ?? 0
                guard differing == 0 else { throw Problem.tableDiffers(table: table, rows: differing) }
            }
        }
    }

    /// The original's tables to copy, each checked to exist in the copy.
    private func copiedTables(_ db: Database) throws -> [String] {
        let tables = try String.fetchAll(
            db,
            sql:
                "SELECT name FROM original.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).filter { !Self.tablesNotCopied.contains($0) }
        for table in tables where try !db.tableExists(table) { throw Problem.tableMissing(table: table) }
        return tables
    }

    /// Runs `body` in one transaction of `copy`'s writer with the original database attached as `original`.
    private func attached<T>(to copy: EventStore, _ body: (Database) throws -> T) throws -> T {
        try copy.database.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS original", arguments: [store.path])
            defer { try? db.execute(sql: "DETACH DATABASE original") }
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Up to `batch` events after `position`, as stored but with their fields opened (never upcast).
    private func storedEvents(of store: EventStore, after position: Int64, upTo last: Int64) throws -> [StoredEvent] {
        let protection = store.options.protection
        return try store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata,
                           recorded_at
                    FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?
                    """, arguments: [position, last, Self.batch]
            ).map { row in
                var event = try StoredEvent(row)
                event.data = try protection?.open(event.data, type: event.type, eventID: event.eventID) ?? event.data
                return event
            }
        }
    }

    /// The link secret's file copied beside `output` when the copy's folder has none and the source has one.
    private func copyLinkSecret(besides output: String) throws -> String? {
        guard source.configuration.linkSecret == nil else { return nil }
        let folder = { (path: String) in URL(fileURLWithPath: path).deletingLastPathComponent() }
        let from = folder(store.path).appendingPathComponent("link-secret").path
        let to = folder(output).appendingPathComponent("link-secret").path
        guard from != to, FileManager.default.fileExists(atPath: from), !FileManager.default.fileExists(atPath: to)
        else { return nil }
        try FileManager.default.copyItem(atPath: from, toPath: to)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: to)
        return to
    }

    static let insertEvent = """
        INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version, data, metadata,
                            recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}

/// An event's row as stored, its data opened.
private struct StoredEvent {
    var position: Int64
    var eventID: UUID
    var eventIDText: String
    var streamID: String
    var streamVersion: Int64
    var type: String
    var schemaVersion: Int64
    var data: Data
    var metadata: String
    var recordedAtText: String

    init(_ row: Row) throws {
        position = row["position"]
        eventIDText = row["event_id"]
        guard let eventID = UUID(uuidString: eventIDText) else {
            throw PersonalDataMigration.Problem.eventDiffers(position: position, part: "id, which is not a UUID")
        }
        self.eventID = eventID
        streamID = row["stream_id"]
        streamVersion = row["stream_version"]
        type = row["type"]
        schemaVersion = row["schema_version"]
        data = Data((row["data"] as String).utf8)
        metadata = row["metadata"]
        recordedAtText = row["recorded_at"]
    }

    var recordedAt: Date { UTCTimestamp.parse(recordedAtText) ?? Date(timeIntervalSince1970: 0) }

    func arguments(data sealed: Data) -> StatementArguments {
        [
            position, eventIDText, streamID, streamVersion, type, schemaVersion,
            String(decoding: sealed, as: UTF8.self),
            metadata, recordedAtText,
        ]
    }

    /// The first part other than the data in which `copy` differs, if any.
    func differs(from copy: StoredEvent) -> String? {
        let parts: [(String, Bool)] = [
            ("position", position == copy.position), ("id", eventIDText == copy.eventIDText),
            ("stream", streamID == copy.streamID), ("version", streamVersion == copy.streamVersion),
            ("type", type == copy.type), ("schema version", schemaVersion == copy.schemaVersion),
            ("metadata", metadata == copy.metadata), ("time", recordedAtText == copy.recordedAtText),
        ]
        return parts.first { !$0.1 }?.0
    }
}

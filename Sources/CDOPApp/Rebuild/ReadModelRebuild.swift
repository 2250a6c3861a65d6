import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Replays every event into fresh read models beside the live database, then compares them table by table.
/// It sends nothing: the outbox rows it builds are compared, never dispatched.
package struct ReadModelRebuild: Sendable {
    package let store: EventStore

    package init(store: EventStore) {
        self.store = store
    }

    /// The read-model tables and the columns that identify a row.
    package static let tables: [(name: String, key: String)] = [
        ("case_summaries", "case_id"), ("case_duplicate_keys", "key, case_id"), ("form_requests", "request_id"),
        ("timers", "timer_id"), ("outbox", "outbox_id"), ("meetings", "meeting_id"),
        ("meeting_agenda", "meeting_id, position"), ("agencies", "agency_id"), ("users", "user_id"),
        ("practitioner_links", "token_hash"), ("report_facts", "case_id"),
    ]

    /// A table whose live rows differ from the rebuilt ones.
    package struct Difference: Sendable, Equatable, Codable {
        package var table: String
        /// Rows live but not rebuilt (or different), and rebuilt but not live (or different).
        package var onlyLive: Int
        package var onlyRebuilt: Int
        /// Keys of a few differing rows (ids, never personal data).
        package var sampleKeys: [String]
    }

    package struct Report: Sendable, Equatable, Codable {
        package var events: Int
        package var streams: Int
        package var differences: [Difference]
        /// How long each step took, for an operator sizing the job and for the benchmark.
        package var seconds: Timings
        package var isClean: Bool { differences.isEmpty }
    }

    /// Seconds spent reading and replaying the events, writing the rebuilt rows, and comparing them.
    package struct Timings: Sendable, Equatable, Codable {
        package var replay: Double = 0
        package var write: Double = 0
        package var compare: Double = 0
    }

    /// Rebuilds into a temporary file beside the database and compares; `progress` is told the events done.
    package func run(progress: (Int) -> Void = { _ in }) throws -> Report {
        try withScratch { scratch in
            var timings = Timings()
            let (count, streams) = try build(into: scratch, timings: &timings, progress: progress)
            let compareStarted = DispatchTime.now().uptimeNanoseconds
            let differences = try compare(with: scratch)
            timings.compare = Self.seconds(since: compareStarted)
            return Report(events: count, streams: streams, differences: differences, seconds: timings)
        }
    }

    /// Rebuilds, then replaces every read model's rows with the rebuilt ones in one transaction: for a database
    /// whose schema gained a read model after events were stored (an upgrade), so the new table is filled.
    package func replaceLiveTables() throws -> Report {
        try withScratch { scratch in
            var timings = Timings()
            let (count, streams) = try build(into: scratch, timings: &timings, progress: { _ in })
            try store.database.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS rebuilt", arguments: [scratch])
                defer { try? db.execute(sql: "DETACH DATABASE rebuilt") }
                try db.inTransaction(.immediate) {
                    for (table, _) in Self.tables {
                        let columns = try Row.fetchAll(db, sql: "PRAGMA rebuilt.table_info(\(table))")
                            .map { "\"\($0["name"] as String)\"" }.joined(separator: ", ")
                        try db.execute(sql: "DELETE FROM main.\(table)")
                        try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM rebuilt.\(table)")
                    }
                    return .commit
                }
            }
            return Report(events: count, streams: streams, differences: [], seconds: timings)
        }
    }

    /// After an upgrade: when this opening of `store` applied a projection migration to a database that already
    /// held events, fills the read models from the events (a new table would otherwise stay empty).
    package static func fillAfterUpgrade(_ store: EventStore) throws {
        guard store.migrationsApplied.contains(where: { $0.hasPrefix("projections.") }),
            try store.read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }) > 0
        else { return }
        _ = try ReadModelRebuild(store: store).replaceLiveTables()
    }

    /// A temporary database file beside the live one, removed afterwards.
    private func withScratch<T>(_ body: (String) throws -> T) throws -> T {
        let folder = URL(fileURLWithPath: store.path).deletingLastPathComponent()
        let scratch = folder.appendingPathComponent(".rebuild-\(UUID().uuidString.prefix(8)).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        }
        return try body(scratch)
    }

    /// Replays every event into fresh read-model tables in `scratch`: the events and streams replayed.
    private func build(
        into scratch: String, timings: inout Timings, progress: (Int) -> Void
    ) throws -> (events: Int, streams: Int) {
        let replayStarted = DispatchTime.now().uptimeNanoseconds
        // A scratch file, removed afterwards: nothing in it needs to survive a crash, so no journal and no fsync;
        // and a page cache big enough that rows keyed by random UUIDs do not thrash it as the tables grow.
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = \(Self.workingCacheKiB)")
        }
        let rebuilt = try DatabaseQueue(path: scratch, configuration: configuration)
        try rebuilt.write { db in
            for migration in ReadModels.migrations { try migration.migrate(db) }
        }
        var cases: [String: CaseState] = [:]
        var meetings: [String: MeetingState] = [:]
        var agencies: [String: AgencyState] = [:]
        var users: [String: UserState] = [:]
        var versions: [String: Int64] = [:]
        var count = 0
        try store.forEachBatch(batchSize: 4000) { batch in
            let events: [ReplayedEvent] = try ReplayedEvent.decodeAll(batch)
            for index in batch.indices {
                let stream: String = batch[index].streamID
                versions[stream] = batch[index].streamVersion
                switch events[index] {
                case .caseEvent(let event):
                    let state: CaseState = cases.removeValue(forKey: stream) ?? CaseDecider.initialState
                    cases[stream] = CaseDecider.evolve(state, event)
                case .meeting(let event):
                    let state: MeetingState = meetings.removeValue(forKey: stream) ?? MeetingDecider.initialState
                    meetings[stream] = MeetingDecider.evolve(state, event)
                case .agency(let event):
                    let state: AgencyState = agencies.removeValue(forKey: stream) ?? AgencyDecider.initialState
                    agencies[stream] = AgencyDecider.evolve(state, event)
                case .user(let event):
                    let state: UserState = users.removeValue(forKey: stream) ?? UserDecider.initialState
                    users[stream] = UserDecider.evolve(state, event)
                case .other: break
                }
            }
            count += batch.count
            progress(count)
            return true
        }
        timings.replay = Self.seconds(since: replayStarted)
        let writeStarted = DispatchTime.now().uptimeNanoseconds
        try rebuilt.write { db in
            for (stream, state) in cases {
                try CaseTables.write(state, version: versions[stream] ?? 0, in: db)
                try TimerTables.write(state, in: db)
                try ReportFactTables.write(state, in: db)
                if let caseID = state.caseID {
                    try OutboxTables.write(state.outboxEmails, streamID: stream, caseID: caseID.description, in: db)
                }
            }
            for (stream, state) in meetings {
                try MeetingTables.write(state, version: versions[stream] ?? 0, in: db)
                try OutboxTables.write(state.outboxEmails, streamID: stream, caseID: nil, in: db)
            }
            for (stream, state) in agencies {
                try AgencyTables.write(state, version: versions[stream] ?? 0, in: db)
            }
            for state in users.values {
                try UserTables.write(state, in: db)
            }
        }
        try rebuilt.close()
        timings.write = Self.seconds(since: writeStarted)
        return (count, versions.count)
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The page cache (negative: KiB) of the connections a rebuild works through: 256 MiB, while the live
    /// connections keep SQLite's default.
    static let workingCacheKiB = -262_144

    /// Each table's rows missing on either side, compared whole (every column), on a read-only connection of
    /// its own so that the live writer is never held and its settings never touched.
    private func compare(with scratch: String) throws -> [Difference] {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = \(Self.workingCacheKiB); PRAGMA temp_store = MEMORY")
        }
        let live = try DatabaseQueue(path: store.path, configuration: configuration)
        defer { try? live.close() }
        return try live.inDatabase { db in
            try db.execute(sql: "ATTACH DATABASE ? AS rebuilt", arguments: [scratch])
            defer { try? db.execute(sql: "DETACH DATABASE rebuilt") }
            var differences: [Difference] = []
            for (table, key) in Self.tables {
                let onlyLive = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT * FROM main.\(table) EXCEPT SELECT * FROM rebuilt.\(table))") ?? 0
                let onlyRebuilt = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT * FROM rebuilt.\(table) EXCEPT SELECT * FROM main.\(table))") ?? 0
                guard onlyLive + onlyRebuilt > 0 else { continue }
                let keyText = key.split(separator: ",").map { "CAST(\($0) AS TEXT)" }.joined(separator: " || '/' || ")
                let keys = try ["main", "rebuilt"].flatMap { side in
                    let other = side == "main" ? "rebuilt" : "main"
                    return try String.fetchAll(
                        db,
                        sql: "SELECT \(keyText) FROM (SELECT * FROM \(side).\(table) EXCEPT SELECT * FROM \(other).\(table)) LIMIT 5")
                }
                differences.append(Difference(table: table, onlyLive: onlyLive, onlyRebuilt: onlyRebuilt, sampleKeys: keys))
            }
            return differences
        }
    }
}

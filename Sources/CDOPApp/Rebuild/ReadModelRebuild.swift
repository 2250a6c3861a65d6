import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Replays every event into fresh read models beside the live database, then compares them table by table.
/// It sends nothing: the outbox rows it builds are compared, never dispatched.
///
/// The rebuilt tables are SQLite scratch files whatever the live engine: beside a live SQLite file they are
/// attached to it and compared in SQL; against PostgreSQL, row by row as they read.
package struct ReadModelRebuild: Sendable {
    package let store: any EventDatabase
    /// How many shares the streams are split into (one worker and scratch file each); nil for one a core, up
    /// to four.
    package let shares: Int?
    /// A file in the folder the scratch files go in: the live SQLite file itself, or (for PostgreSQL) the
    /// panel's keys file, since the scratch files hold data sealed under its keys.
    package let scratchBeside: String

    package init(store: any EventDatabase, shares: Int? = nil, scratchBeside: String? = nil) {
        self.store = store
        self.shares = shares
        self.scratchBeside =
            scratchBeside ?? (store as? EventStore)?.path
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cdop-rebuild").path
    }

    /// The read-model tables and the columns that identify a row, those that grow fastest with the cases first
    /// (the comparison takes them in this order).
    package static let tables: [(name: String, key: String)] = [
        ("timers", "timer_id"), ("form_requests", "request_id"), ("outbox", "outbox_id"),
        ("case_duplicate_keys", "key, case_id"), ("practitioner_links", "token_hash"), ("case_summaries", "case_id"),
        ("report_facts", "case_id"), ("meeting_agenda", "meeting_id, position"), ("meetings", "meeting_id"),
        ("agencies", "agency_id"), ("users", "user_id"), ("national_return_reasons", "case_id, position"),
        ("ncmd_deliveries", "delivery_key"),
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

    /// Rebuilds into scratch files beside the database and compares; `progress` is told the events done.
    package func run(progress: (Int) -> Void = { _ in }) throws -> Report {
        try RebuildScratch.beside(scratchBeside, shares: shares, protection: store.options.protection) { scratch in
            var timings = Timings()
            let (count, streams, _) = try build(into: scratch, timings: &timings, progress: progress)
            let compareStarted = DispatchTime.now().uptimeNanoseconds
            let differences =
                if let live = store as? EventStore {
                    try ReadModelComparison(livePath: live.path, scratch: scratch).differences()
                } else {
                    try PortableComparison(store: store, scratch: scratch).differences()
                }
            timings.compare = Self.seconds(since: compareStarted)
            return Report(events: count, streams: streams, differences: differences, seconds: timings)
        }
    }

    /// What a refill did.
    package enum RefillOutcome: Sendable, Equatable {
        /// The live read models were replaced by a rebuild of `events` events, after `builds` builds.
        case refilled(events: Int, builds: Int)
        /// Another process had refilled them first: nothing was replaced.
        case refilledElsewhere
    }

    /// How many builds a refill makes while events keep arriving between a build and its replace.
    package static let refillBuilds = 5

    /// Refills every read model from the events: for a database whose schema gained or changed a read model
    /// after events were stored (an upgrade). The rebuilt rows replace the live ones in one transaction, which
    /// also marks the owed refill done (`ReadModelRefill`).
    ///
    /// The build reads one snapshot; the replace, holding the write lock, goes ahead only if no event was
    /// appended since that snapshot. Another process (a `cdop tick`, say) may append meanwhile, and its events
    /// would otherwise be missing from the read models until the next refill: then it builds again. If another
    /// process has done the refill meanwhile, it replaces nothing. `beforeReplacing` runs between each build
    /// and its replace (tests append there).
    package func refillLiveTables(beforeReplacing: () throws -> Void = {}) throws -> RefillOutcome {
        for build in 1...Self.refillBuilds {
            let outcome: RefillOutcome? = try RebuildScratch.beside(
                scratchBeside, shares: shares, protection: store.options.protection
            ) { scratch in
                var timings = Timings()
                let built = try self.build(into: scratch, timings: &timings, progress: { _ in })
                try beforeReplacing()
                switch try replace(with: scratch, builtUpTo: built.lastPosition) {
                case .replaced: return .refilled(events: built.events, builds: build)
                case .noLongerOwed: return .refilledElsewhere
                case .overtaken: return nil
                }
            }
            if let outcome { return outcome }
        }
        throw ReadModelRefillError.eventsKeptArriving(builds: Self.refillBuilds)
    }

    /// What one attempt to replace the live read models found, holding the write lock.
    private enum Replacement {
        /// The live read models now hold the scratch's rows, and the refill is marked done.
        case replaced
        /// No refill is owed any more: another process did it.
        case noLongerOwed
        /// Events were appended after the scratch's snapshot: it is out of date.
        case overtaken
    }

    /// In one transaction holding the write lock, replaces the live read models with `scratch`'s rows, built up
    /// to the event at `lastPosition`, unless that is no longer the last event or no refill is owed.
    private func replace(with scratch: RebuildScratch, builtUpTo lastPosition: Int64) throws -> Replacement {
        guard let sqlite = store as? EventStore else {
            return try store.writing { db in
                guard try EventRows.lastPosition(in: db) == lastPosition else { return .overtaken }
                guard try !ReadModelRefill.pending(in: db).isEmpty else { return .noLongerOwed }
                for (table, _) in Self.tables {
                    try db.execute("DELETE FROM \(table)")
                    _ = try scratch.eachShare { share in try Self.copy(table, from: share, to: db) }
                }
                try ReadModelRefill.markDone(in: db)
                return .replaced
            }
        }
        return try sqlite.database.writeWithoutTransaction { db in
            try scratch.attached(to: db) {
                var outcome = Replacement.overtaken
                try db.inTransaction(.immediate) {
                    guard try EventStore.lastPosition(in: db) == lastPosition else { return .rollback }
                    guard try !ReadModelRefill.pending(in: db).isEmpty else {
                        outcome = .noLongerOwed
                        return .rollback
                    }
                    for (table, _) in Self.tables {
                        let columns = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))")
                            .map { "\"\($0["name"] as String)\"" }.joined(separator: ", ")
                        try db.execute(sql: "DELETE FROM main.\(table)")
                        for schema in scratch.schemas {
                            try db.execute(
                                sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM \(schema).\(table)")
                        }
                    }
                    try ReadModelRefill.markDone(in: db)
                    outcome = .replaced
                    return .commit
                }
                return outcome
            }
        }
    }

    /// Copies every row of `table` from a scratch share into another engine's database, a hundred rows a
    /// statement, values as stored (sealed under the same keys).
    private static func copy(_ table: String, from share: any SQLDatabase, to db: any SQLDatabase) throws {
        let columns = try share.columns(of: table)
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rows = try share.rows("SELECT \(list) FROM \(table)")
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        for start in stride(from: 0, to: rows.count, by: 100) {
            let chunk = rows[start..<min(start + 100, rows.count)]
            try db.execute(
                "INSERT INTO \(table) (\(list)) VALUES "
                    + Array(repeating: placeholders, count: chunk.count).joined(separator: ", "),
                arguments: chunk.flatMap { $0.values.map { $0 as (any SQLValueConvertible)? } })
        }
    }

    /// After an upgrade: while a read-model migration applied to `store` (by this opening or an earlier one that
    /// stopped before refilling) is still owed its refill, fills the read models from the events, as a new
    /// table would otherwise stay empty. The refill is marked done in the transaction that writes it.
    package static func fillAfterUpgrade(_ store: any EventDatabase, scratchBeside: String? = nil) throws {
        // Read at every opening: the owed refills (usually none), and the last position, not a count of the
        // events, which would scan them all.
        let (pending, lastPosition) = try store.snapshot { db in
            (try ReadModelRefill.pending(in: db), try EventRows.lastPosition(in: db))
        }
        guard !pending.isEmpty else { return }
        guard lastPosition > 0 else {
            // Nothing to fill from: a new database, whose read models were made empty and are right so.
            try store.writing { db in try ReadModelRefill.markDone(in: db) }
            return
        }
        _ = try ReadModelRebuild(store: store, scratchBeside: scratchBeside).refillLiveTables()
    }

    /// Replays every event and writes the rows of every stream's final state into `scratch`: the events and
    /// streams replayed, and the position of the last event (0 for none). This thread reads the events while
    /// one worker a scratch file decodes and folds its share of the streams, then writes them; `timings` gets
    /// the time until the last worker had folded everything (replay) and from then until the last had written
    /// (write).
    private func build(
        into scratch: RebuildScratch, timings: inout Timings, progress: (Int) -> Void
    ) throws -> (events: Int, streams: Int, lastPosition: Int64) {
        let started = DispatchTime.now().uptimeNanoseconds
        let shares = ReplayShares(count: scratch.paths.count)
        var count = 0
        var lastPosition: Int64 = 0
        try store.forEachBatch(batchSize: 2000) { batch in
            shares.fold(batch)
            count += batch.count
            lastPosition = batch.last?.position ?? lastPosition
            progress(count)
            return !shares.hasFailed
        }
        let (lastFolded, streams) = try shares.finish { share, states in
            try scratch.write(states, share: share)
        }
        let finished = DispatchTime.now().uptimeNanoseconds
        timings.replay = Double(lastFolded - started) / 1e9
        timings.write = Double(finished - lastFolded) / 1e9
        return (count, streams, lastPosition)
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// A refill that could not be finished.
package enum ReadModelRefillError: Error, Equatable, CustomStringConvertible {
    /// Every build was overtaken by newly recorded events before it could replace the read models.
    case eventsKeptArriving(builds: Int)

    package var description: String {
        switch self {
        case .eventsKeptArriving(let builds):
            "The read models could not be refilled from the events: new events were recorded while each of \(builds) "
                + "rebuilds ran. Stop the other cdop processes using this database (the scheduler's ticks, imports) "
                + "and start cdop again; nothing has been lost."
        }
    }
}

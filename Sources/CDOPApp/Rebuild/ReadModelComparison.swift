import CDOPStore
import Foundation
import GRDB
import Synchronization

/// Compares the live read models with a rebuild's scratch shares, table by table, on read-only connections of
/// its own (the live writer is never held, and its settings never touched).
struct ReadModelComparison {
    let livePath: String
    let scratch: RebuildScratch

    /// The tables that differ, in `ReadModelRebuild.tables` order.
    ///
    /// Each share of each table is a piece of work (its rows counted, and each looked for in the live table),
    /// taken in turn by as many connections as there are shares (one per core), the biggest tables first, so
    /// that no connection is left comparing a big table alone at the end. A table whose counts or rows
    /// disagree is then compared in full, on one connection.
    func differences() throws -> [ReadModelRebuild.Difference] {
        let tables = ReadModelRebuild.tables
        let pieces = tables.indices.flatMap { table in scratch.schemas.indices.map { (table: table, share: $0) } }
        let tallies = Mutex<[Tally]>(Array(repeating: Tally(), count: tables.count))
        let next = Atomic<Int>(0)
        let failures = Mutex<[any Error]>([])
        DispatchQueue.concurrentPerform(iterations: min(scratch.paths.count, pieces.count)) { _ in
            do {
                try onLiveConnection { db in
                    while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < pieces.count {
                        let (table, share) = pieces[index]
                        let tally = try tally(
                            tables[table], schema: scratch.schemas[share], countingLive: share == 0, in: db)
                        tallies.withLock { $0[table].add(tally) }
                    }
                }
            } catch {
                failures.withLock { $0.append(error) }
            }
        }
        if let failure = failures.withLock({ $0.first }) { throw failure }
        let totals = tallies.withLock { $0 }
        let disagreeing = totals.indices.filter { !totals[$0].agrees }
        guard !disagreeing.isEmpty else { return [] }
        return try onLiveConnection { db in
            try disagreeing.compactMap { try difference(tables[$0].name, key: tables[$0].key, in: db) }
        }
    }

    /// What one piece of the comparison found: rows live (counted with a table's first share), rows rebuilt,
    /// and rebuilt rows with no twin among the live ones.
    private struct Tally {
        var live = 0
        var rebuilt = 0
        var withoutTwin = 0

        mutating func add(_ other: Tally) {
            live += other.live
            rebuilt += other.rebuilt
            withoutTwin += other.withoutTwin
        }

        /// Every table has a primary key and each row belongs to one stream, so to one share: the sides hold the
        /// same rows when they hold as many and every rebuilt row has its twin.
        var agrees: Bool { live == rebuilt && withoutTwin == 0 }
    }

    private func tally(
        _ table: (name: String, key: String), schema: String, countingLive: Bool, in db: Database
    ) throws -> Tally {
        var tally = Tally()
        if countingLive { tally.live = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.\(table.name)") ?? 0 }
        tally.rebuilt = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(schema).\(table.name)") ?? 0
        tally.withoutTwin = try rowsWithoutTwin(in: schema, table: table.name, key: table.key, db: db)
        return tally
    }

    /// Runs `body` on a read-only connection to the live file with every scratch file attached.
    private func onLiveConnection<T>(_ body: (Database) throws -> T) throws -> T {
        let live = try openLive()
        defer { try? live.close() }
        return try live.inDatabase { db in try scratch.attached(to: db) { try body(db) } }
    }

    /// A read-only connection to the live file, with room to compare big tables in memory.
    private func openLive() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            // Pages mapped rather than copied into the cache: the comparison reads every row of both sides once.
            try db.execute(
                sql:
                    "PRAGMA cache_size = \(RebuildScratch.workingCacheKiB); PRAGMA temp_store = MEMORY; PRAGMA mmap_size = \(RebuildScratch.mappedBytes)"
            )
        }
        return try DatabaseQueue(path: livePath, configuration: configuration)
    }

    /// The rows of `table` only on one side (counted with EXCEPT both ways, and a few of their keys), or nil
    /// when both sides hold the same rows after all.
    private func difference(_ table: String, key: String, in db: Database) throws -> ReadModelRebuild.Difference? {
        let rebuilt = scratch.schemas.map { "SELECT * FROM \($0).\(table)" }.joined(separator: " UNION ALL ")
        let onlyLive = "SELECT * FROM main.\(table) EXCEPT SELECT * FROM (\(rebuilt))"
        let onlyRebuilt = "SELECT * FROM (\(rebuilt)) EXCEPT SELECT * FROM main.\(table)"
        let liveRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(onlyLive))") ?? 0
        let rebuiltRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(onlyRebuilt))") ?? 0
        guard liveRows + rebuiltRows > 0 else { return nil }
        let keyText = key.split(separator: ",").map { "CAST(\($0) AS TEXT)" }.joined(separator: " || '/' || ")
        let keys = try [onlyLive, onlyRebuilt].flatMap { rows in
            try String.fetchAll(db, sql: "SELECT \(keyText) FROM (\(rows)) LIMIT 5")
        }
        return ReadModelRebuild.Difference(table: table, onlyLive: liveRows, onlyRebuilt: rebuiltRows, sampleKeys: keys)
    }

    /// Rows of `schema.table` with no live row equal in every column, found through the live key's index.
    private func rowsWithoutTwin(in schema: String, table: String, key: String, db: Database) throws -> Int {
        let keys = Set(key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let columns = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))").map { $0["name"] as String }
        let same = columns.map { column in
            keys.contains(column) ? "l.\"\(column)\" = r.\"\(column)\"" : "l.\"\(column)\" IS r.\"\(column)\""
        }
        return try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM \(schema).\(table) AS r
                WHERE NOT EXISTS (SELECT 1 FROM main.\(table) AS l WHERE \(same.joined(separator: " AND ")))
                """) ?? 0
    }
}

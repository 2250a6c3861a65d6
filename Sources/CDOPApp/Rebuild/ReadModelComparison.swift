import CDOPStore
import Foundation
import GRDB
import Synchronization

/// Compares the live read models with a rebuild's scratch shares, table by table, on read-only connections of
/// its own (the live writer is never held, and its settings never touched).
struct ReadModelComparison {
    let livePath: String
    let scratch: RebuildScratch

    /// The tables that differ, in `ReadModelRebuild.tables` order; the tables are shared out over as many
    /// connections as there are scratch shares (one per core), compared at the same time.
    func differences() throws -> [ReadModelRebuild.Difference] {
        let tables = ReadModelRebuild.tables
        let lanes = min(scratch.paths.count, tables.count)
        let found = Mutex<[Int: ReadModelRebuild.Difference]>([:])
        let next = Atomic<Int>(0)
        let failures = Mutex<[any Error]>([])
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            do {
                let live = try openLive()
                defer { try? live.close() }
                try live.inDatabase { db in
                    try scratch.attached(to: db) {
                        // Each lane takes the next table not yet taken, so one big table does not hold up the rest.
                        while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < tables.count {
                            if let difference = try difference(tables[index].name, key: tables[index].key, in: db) {
                                found.withLock { $0[index] = difference }
                            }
                        }
                    }
                }
            } catch {
                failures.withLock { $0.append(error) }
            }
        }
        if let failure = failures.withLock({ $0.first }) { throw failure }
        return found.withLock { byIndex in byIndex.keys.sorted().compactMap { byIndex[$0] } }
    }

    /// A read-only connection to the live file, with room to compare big tables in memory.
    private func openLive() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            // Pages mapped rather than copied into the cache: the comparison reads every row of both sides once.
            try db.execute(
                sql: "PRAGMA cache_size = \(RebuildScratch.workingCacheKiB); PRAGMA temp_store = MEMORY; PRAGMA mmap_size = \(RebuildScratch.mappedBytes)")
        }
        return try DatabaseQueue(path: livePath, configuration: configuration)
    }

    /// The rows of `table` only on one side, or nil when both sides hold the same rows.
    ///
    /// Every table has a primary key and each row belongs to one stream, so to one share: the sides are equal
    /// when they hold as many rows and every rebuilt row finds its twin through the live key's index (a lookup
    /// per row, where EXCEPT would sort both sides). Only when they differ are the rows counted, with EXCEPT.
    private func difference(_ table: String, key: String, in db: Database) throws -> ReadModelRebuild.Difference? {
        let rebuilt = scratch.schemas.map { "SELECT * FROM \($0).\(table)" }.joined(separator: " UNION ALL ")
        let rebuiltCount = try scratch.schemas.reduce(0) { total, schema in
            total + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(schema).\(table)") ?? 0)
        }
        let liveCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.\(table)") ?? 0
        if liveCount == rebuiltCount {
            let missing = try scratch.schemas.reduce(0) { total, schema in
                total + (try rowsWithoutTwin(in: schema, table: table, key: key, db: db))
            }
            if missing == 0 { return nil }
        }
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

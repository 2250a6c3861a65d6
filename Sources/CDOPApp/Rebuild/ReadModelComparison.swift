import CDOPStore
import Foundation
import GRDB

/// Compares the live read models with a rebuild's scratch shares, table by table, on a read-only connection of
/// its own (the live writer is never held, and its settings never touched).
struct ReadModelComparison {
    let livePath: String
    let scratch: RebuildScratch

    func differences() throws -> [ReadModelRebuild.Difference] {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = \(RebuildScratch.workingCacheKiB); PRAGMA temp_store = MEMORY")
        }
        let live = try DatabaseQueue(path: livePath, configuration: configuration)
        defer { try? live.close() }
        return try live.inDatabase { db in
            try scratch.attached(to: db) {
                try ReadModelRebuild.tables.compactMap { table, key in try difference(table, key: key, in: db) }
            }
        }
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

import CDOPProjections
import CDOPStore
import Foundation

/// Compares the live read models of a database that is not a SQLite file (PostgreSQL) with a rebuild's scratch
/// shares, row by row as they read (`ReadModelsAsRead`: sealed columns opened, search tokens left out), since
/// the two cannot be joined in one SQL statement.
struct PortableComparison {
    let store: any EventDatabase
    let scratch: RebuildScratch

    /// The tables that differ, in `ReadModelRebuild.tables` order.
    func differences() throws -> [ReadModelRebuild.Difference] {
        try ReadModelRebuild.tables.compactMap { table in
            let live = try store.snapshot { db in try ReadModelsAsRead.table(table.name, in: db) }
            let rebuilt = try scratch.eachShare { db in try ReadModelsAsRead.table(table.name, in: db).rows }
                .flatMap { $0 }
            return Self.difference(
                table.name, key: table.key, columns: live.columns, live: live.rows,
                rebuilt: rebuilt.sorted(by: ReadModelsAsRead.precedes))
        }
    }

    /// The rows only on one side of two sorted lists (counted, with the keys of a few), or nil when they agree.
    static func difference(
        _ table: String, key: String, columns: [String], live: [[SQLValue]], rebuilt: [[SQLValue]]
    ) -> ReadModelRebuild.Difference? {
        var (onlyLive, onlyRebuilt): ([[SQLValue]], [[SQLValue]]) = ([], [])
        var (left, right) = (live[...], rebuilt[...])
        while let l = left.first, let r = right.first {
            if l == r {
                left.removeFirst()
                right.removeFirst()
            } else if ReadModelsAsRead.precedes(l, r) {
                onlyLive.append(left.removeFirst())
            } else {
                onlyRebuilt.append(right.removeFirst())
            }
        }
        onlyLive += left
        onlyRebuilt += right
        guard !onlyLive.isEmpty || !onlyRebuilt.isEmpty else { return nil }
        let keyColumns = key.split(separator: ",").compactMap {
            columns.firstIndex(of: $0.trimmingCharacters(in: .whitespaces))
        }
        let samples = (onlyLive.prefix(5) + onlyRebuilt.prefix(5)).map { row in
            keyColumns.map { String.decode(row[$0]) ?? "\(row[$0])" }.joined(separator: "/")
        }
        return ReadModelRebuild.Difference(
            table: table, onlyLive: onlyLive.count, onlyRebuilt: onlyRebuilt.count, sampleKeys: samples)
    }
}

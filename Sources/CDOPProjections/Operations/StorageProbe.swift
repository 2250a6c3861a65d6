import CDOPStore
import Foundation
import GRDB

/// Whether the database can still grow: what `/healthz` asks before it says "writable". A write that only
/// rewrites a page it already has succeeds on a full disk, or at SQLite's page limit, while every append fails.
package enum StorageProbe {
    package static let migration = SchemaMigration("operations.v1.storage-probe") { db in
        try db.execute("CREATE TABLE storage_probe (filler BLOB NOT NULL)")
    }

    /// Asks the database for more pages than it holds free, inside a transaction that is then rolled back:
    /// nothing is kept, but the pages must be allocatable (a full database fails here with SQLITE_FULL).
    package static func needsNewPages(in db: any SQLDatabase) throws {
        // PostgreSQL refuses a commit it has no room for, with its reason; SQLite is asked beforehand.
        guard let db = db as? Database else { return }
        let pageSize = try db.value(Int.self, "PRAGMA page_size") ?? 4096
        let free = try db.value(Int.self, "PRAGMA freelist_count") ?? 0
        try db.inSavepoint {
            try db.execute("INSERT INTO storage_probe (filler) VALUES (zeroblob(?))", (free + 2) * pageSize)
            return .rollback
        }
    }

    /// Free space, in megabytes, on the file system holding `path` (or its nearest existing folder); nil when it
    /// cannot be read.
    package static func freeMegabytes(near path: String) -> Int? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder.path),
            let free = attributes[.systemFreeSize] as? NSNumber
        else { return nil }
        return Int(free.int64Value / 1_048_576)
    }
}

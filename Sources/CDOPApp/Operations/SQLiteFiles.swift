import Foundation
import GRDB

/// Small file-level facts and chores about SQLite database files (a database and its -wal, -shm, -journal).
enum SQLiteFiles {
    static let companions = ["-wal", "-shm", "-journal"]

    /// Removes a database file and its companions.
    static func remove(_ path: String) {
        for suffix in [""] + companions { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func removeCompanions(of path: String) {
        for suffix in companions { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    struct Facts {
        var events: Int
        var lastPosition: Int64
    }

    /// Checks that `database` is an undamaged cdop database: SQLite's integrity check, and an events table.
    static func check(_ database: some DatabaseReader, path: String) throws -> Facts {
        try database.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard integrity == ["ok"] else {
                throw OperationsError.notADatabase(
                    path: path, reason: "SQLite finds it damaged (\(integrity.prefix(3).joined(separator: "; ")))")
            }
            guard try db.tableExists("events") else {
                throw OperationsError.notADatabase(path: path, reason: "it has no events table")
            }
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(MAX(position), 0) FROM events")
            return Facts(events: row?[0] ?? 0, lastPosition: row?[1] ?? 0)
        }
    }

    /// Runs `body`, which writes `scratch`; on failure removes `scratch` and throws the failure as an
    /// `OperationsError` (one already is passes through; any other becomes `.failed(step:)`).
    static func removingOnFailure<T>(_ scratch: String, step: String, _ body: () throws -> T) throws(OperationsError)
        -> T
    {
        do {
            return try body()
        } catch {
            remove(scratch)
            throw (error as? OperationsError) ?? .failed(step: step, reason: reason(error))
        }
    }

    /// An error's reason without the SQL's bound values.
    static func reason(_ error: any Error) -> String {
        if let database = error as? DatabaseError {
            return "SQLite error \(database.resultCode.rawValue): \(database.message ?? "unknown")"
        }
        return String(describing: error)
    }
}

import CDOPStore
import Crypto
import Foundation
import GRDB

/// Where a keyring keeps the subjects' keys: a SQLite file of its own (one server, or the embedded default), or
/// a PostgreSQL database of its own (servers on several machines). Either way apart from the events, so that a
/// copy of the events alone holds no readable personal data.
package protocol KeyringStorage: Sendable {
    /// Where the keys are, for messages: a path, or an address without its password.
    var location: String { get }
    /// Runs `body` in one transaction reading one snapshot.
    func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T
    /// Runs `body` in one transaction that may write, one writer at a time across every process.
    func write<T>(_ body: (any SQLDatabase) throws -> T) throws -> T
    /// A number that changes when another connection has changed the keys (a key made, a subject erased).
    func changeMark() throws -> Int64
    /// After an erasure, leaves the deleted keys' bytes in no log or free page the storage can clear; false when
    /// it could not yet (another reader held the log: run it again).
    func clearDeleted() throws -> Bool
    func close() throws
}

/// The keyring's tables, the same on both engines.
package enum KeyringSchema {
    static let tables = [
        """
        CREATE TABLE IF NOT EXISTS subject_keys (
            subject    TEXT NOT NULL PRIMARY KEY,
            key        BLOB NOT NULL CHECK (length(key) = 32),
            created_at TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE IF NOT EXISTS erased_subjects (
            subject   TEXT NOT NULL PRIMARY KEY,
            erased_at TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        "CREATE TABLE IF NOT EXISTS keyring (id TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS search_index_key (key BLOB NOT NULL CHECK (length(key) = 32))",
    ]

    /// Makes the tables (where missing) and the keyring's own id and search index key (once, whoever opens a
    /// new keyring first), in `db`'s write transaction.
    package static func prepare(_ db: any SQLDatabase, creatingTables: Bool) throws {
        if creatingTables { for table in tables { try db.execute(table) } }
        // One statement each, so two processes opening a new keyring together keep the same id and key.
        try db.execute(
            "INSERT INTO keyring (id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM keyring)", UUID().uuidString.lowercased()
        )
        try db.execute(
            "INSERT INTO search_index_key (key) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM search_index_key)",
            SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }
}

/// The keys in a SQLite file of their own, in WAL mode: a new subject's key is one append to the log, with no
/// journal to create and truncate. Erasing deletes with `secure_delete` on, then the log is checkpointed into the
/// file and truncated (`clearDeleted`), so no page of either still holds the key.
package final class SQLiteKeyringStorage: KeyringStorage {
    package let location: String
    private let database: DatabaseQueue

    /// `powerLoss`: every keys commit is synced to the disk (`synchronous=FULL`), as the events are when they must
    /// survive a power failure; otherwise the keys, like the events, survive a killed process (`synchronous=OFF`:
    /// appended to the log before the events commit, synced by the system later).
    package init(path: String, powerLoss: Bool = true) throws {
        location = path
        let synchronous = powerLoss ? "FULL" : "OFF"
        var configuration = Configuration()
        configuration.label = "cdop-keys"
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .default
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        database = try DatabaseQueue(path: path, configuration: configuration)
        try database.write { db in try KeyringSchema.prepare(db, creatingTables: true) }
    }

    package func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        try database.read { db in try body(db) }
    }

    package func write<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        try database.write { db in try body(db) }
    }

    /// SQLite's `data_version`: it changes when another connection commits to the file.
    package func changeMark() throws -> Int64 {
        try database.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    package func clearDeleted() throws -> Bool {
        try database.writeWithoutTransaction { db in
            let (log, copied) = try db.checkpoint(.truncate)
            return log == copied
        }
    }

    package func close() throws { try database.close() }
}

import CDOPPrivacy
import CDOPStore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The subjects' keys in a PostgreSQL database of their own (`CDOP_KEYS_DATABASE_URL`), shared by every server
/// of the panel, whichever machine it runs on; apart from the events' database, so that a dump of the events
/// holds no readable personal data, and each has its own backups and its own retention.
///
/// Writes take a transaction-scoped advisory lock, so two servers meeting a new keyring or a new subject at once
/// write one after the other, and bump a change counter the others' caches watch. An erased key's row is
/// deleted at once; its bytes leave the disk as PostgreSQL vacuums the table and recycles its write-ahead log
/// (`clearDeleted` asks for the vacuum), and leave the backups as they expire.
package final class PostgresKeyringStorage: KeyringStorage {
    package let location: String
    private let sessions: PostgresSessionPool
    /// The writes this process made: the change counter less these is what the others changed.
    private let ownWrites = Atomic<Int64>(0)

    /// The lock every keyring write holds (any number no other lock of cdop's uses).
    static let writeLock: Int64 = 0x6364_6F70_6B65_7973

    /// Connects to the keys database at `url` and makes its tables if they are missing (which needs a role that
    /// may create them: the owner's, as for the events' database).
    package init(url: String, connections: Int = 4, connectWithin: Duration = .seconds(30)) throws {
        let address = try PostgresAddress(url)
        location = address.description
        var logger = Logger(label: "cdop.postgres.keys")
        logger.logLevel = .critical
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(connectWithin.components.seconds)
        sessions = PostgresSessionPool(configuration: configuration, size: connections, logger: logger)
        try sessions.withSession(transaction: true, protection: nil) { session in
            _ = try session.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))")
            let missing = try session.value(Bool.self, "SELECT to_regclass('keyring_changes') IS NULL") ?? true
            if missing {
                try session.execute("CREATE TABLE IF NOT EXISTS keyring_changes (version BIGINT NOT NULL)")
                try session.execute(
                    "INSERT INTO keyring_changes (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM keyring_changes)")
            }
            try KeyringSchema.prepare(session, creatingTables: missing)
        }
    }

    package func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        try sessions.withSession(transaction: true, protection: nil) { session in
            try session.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try body(session)
        }
    }

    package func write<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        let value = try sessions.withSession(transaction: true, protection: nil) { session in
            _ = try session.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))")
            let value = try body(session)
            try session.execute("UPDATE keyring_changes SET version = version + 1")
            return value
        }
        ownWrites.add(1, ordering: .relaxed)
        return value
    }

    /// The changes the other processes made: this process's own are already in its cache.
    package func changeMark() throws -> Int64 {
        let version = try sessions.withSession(transaction: false, protection: nil) { session in
            try session.value(Int64.self, "SELECT version FROM keyring_changes") ?? 0
        }
        return version - ownWrites.load(ordering: .relaxed)
    }

    /// Vacuums the keys' table, so the space an erased key's row held is marked free at once rather than when
    /// autovacuum comes by (a role that does not own the table is told to skip it: autovacuum then does it).
    package func clearDeleted() throws -> Bool {
        try sessions.withSession(transaction: false, protection: nil) { session in
            try session.execute("VACUUM subject_keys")
        }
        return true
    }

    package func close() throws { sessions.close() }
}

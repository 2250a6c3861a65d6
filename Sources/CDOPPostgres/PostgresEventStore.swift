import CDOPPrimitives
import CDOPStore
import Foundation
import Logging
import PostgresNIO

/// The append-only event log on PostgreSQL, with the SQLite store's guarantees (`EventLog`): each append one
/// transaction across its streams, expected versions checked, a command id answered once and the same ever after,
/// event ids idempotent, and global positions gap-free in commit order, allocated under a transaction-scoped
/// advisory lock. Personal fields are sealed and opened by the same protection step as on SQLite. An append
/// notifies `cdop_events` as it commits, so every node's subscriptions wake at once.
package final class PostgresEventStore: EventLog {
    package let address: PostgresAddress
    /// The read models' migrations and inline projections, the upcasters and the protection step, as the SQLite
    /// store takes them: the read models are kept in each append's transaction here too.
    package let options: EventStoreOptions
    package var protection: (any StoredDataProtection)? { options.protection }
    let client: PostgresClient
    /// Connections for the transactions the read models are kept in (commands, appends, queries).
    let sessions: PostgresSessionPool
    private let running: Task<Void, Never>
    let logger: Logger
    /// How long a subscription waits for a notification before looking anyway (a notification is lost when its
    /// listening connection drops).
    package let pollInterval: Duration

    /// Connects to the database at `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`) and brings its
    /// tables up to date; refused when no server has answered within `connectWithin`. Opened synchronously, as
    /// the SQLite store is: no Swift concurrency thread is needed to open it.
    package init(
        url: String, options: EventStoreOptions = EventStoreOptions(), connections: Int = 10,
        pollInterval: Duration = .seconds(1), connectWithin: Duration = .seconds(30)
    ) throws(EventStoreError) {
        address = try PostgresAddress(url)
        self.options = options
        self.pollInterval = pollInterval
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.maximumConnections = connections
        client = PostgresClient(configuration: configuration)
        var logger = Logger(label: "cdop.postgres")
        logger.logLevel = .critical
        var sessionConfiguration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        sessionConfiguration.options.connectTimeout = .nanoseconds(
            connectWithin.components.seconds * 1_000_000_000 + connectWithin.components.attoseconds / 1_000_000_000)
        sessions = PostgresSessionPool(configuration: sessionConfiguration, size: connections, logger: logger)
        let client = client
        running = Task { await client.run() }
        self.logger = logger
        do {
            try migrate()
        } catch {
            running.cancel()
            sessions.close()
            throw Self.openingError(error, address: address, within: connectWithin)
        }
    }

    /// Why the database could not be opened, in the store's words, naming its address but never the password.
    private static func openingError(_ error: any Error, address: PostgresAddress, within limit: Duration)
        -> EventStoreError
    {
        if let error = error as? EventStoreError { return error }
        if let error = error as? PostgresStatementError {
            return .cannotOpen(path: address.description, reason: error.message)
        }
        if let error = error as? PSQLError, error.code == .connectionError || error.code == .serverClosedConnection {
            return .cannotOpen(
                path: address.description,
                reason: "no PostgreSQL server answered within \(limit) (is it running, and the address right?)")
        }
        return .cannotOpen(path: address.description, reason: "\(mapped(error))")
    }

    /// Closes every connection.
    package func close() async {
        sessions.close()
        running.cancel()
        _ = await running.value
    }

    deinit { running.cancel() }

    /// The text to store for `event`'s data: sealed by the protection step (asking the keys file, as whether
    /// the stream is new is known only inside `cdop_append`).
    func stored(_ event: NewEvent, streamID: String) throws -> String {
        guard let protection else { return String(decoding: event.data, as: UTF8.self) }
        do {
            let sealed = try protection.seal(
                event.data, type: event.type, streamID: streamID, eventID: event.eventID, now: Date(),
                streamIsNew: false)
            return String(decoding: sealed, as: UTF8.self)
        } catch {
            throw EventStoreError.personalDataUnavailable(position: 0, reason: String(describing: error))
        }
    }

    // MARK: Reading

    package func streamEvents(_ streamID: String, fromVersion version: Int64) async throws -> [RecordedEvent] {
        try await client.withConnection { connection in
            try await events(
                where: "stream_id = \(streamID) AND stream_version >= \(version) ORDER BY stream_version",
                limit: nil, on: connection)
        }
    }

    package func events(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        try await client.withConnection { connection in
            try await events(where: "position > \(position) ORDER BY position", limit: limit, on: connection)
        }
    }

    package func headPosition() async throws -> Int64 {
        try await client.withConnection { connection in try await lastPosition(on: connection) }
    }

    package func version(ofStream streamID: String) async throws -> Int64 {
        try await client.withConnection { connection in try await streamVersion(of: streamID, on: connection) }
    }

    private func lastPosition(on connection: PostgresConnection) async throws -> Int64 {
        try await single("SELECT COALESCE(MAX(position), 0)::bigint FROM events", on: connection)
    }

    private func streamVersion(of streamID: String, on connection: PostgresConnection) async throws -> Int64 {
        try await single(
            "SELECT COALESCE(MAX(stream_version), 0)::bigint FROM events WHERE stream_id = \(streamID)",
            on: connection)
    }

    private func single(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Int64 {
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { return value }
        return 0
    }

    /// The events matching `condition` (which may end with its ORDER BY), opened.
    func events(where condition: PostgresQuery, limit: Int?, on connection: PostgresConnection) async throws
        -> [RecordedEvent]
    {
        var query: PostgresQuery =
            "SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at FROM events WHERE "
        query.sql += condition.sql
        query.binds = condition.binds
        if let limit { query.sql += " LIMIT \(limit)" }
        var found: [RecordedEvent] = []
        let rows = try await connection.query(query, logger: logger)
        for try await (position, id, stream, version, type, schema, data, metadata, recorded) in rows.decode(
            (Int64, UUID, String, Int64, String, Int32, String, String, String).self)
        {
            var event = RecordedEvent(
                position: position, eventID: id, streamID: stream, streamVersion: version, type: type,
                schemaVersion: Int(schema), data: Data(data.utf8), metadata: Data(metadata.utf8),
                recordedAt: UTCTimestamp.parse(recorded) ?? Date(timeIntervalSince1970: 0))
            if let protection {
                do {
                    event.data = try protection.open(event.data, type: type, eventID: id)
                } catch {
                    throw EventStoreError.personalDataUnavailable(position: position, reason: String(describing: error))
                }
            }
            found.append(event)
        }
        return found
    }

    // MARK: Transactions

    /// Runs `body` in a transaction on one connection: committed when it returns (after the protection step has
    /// kept what sealing made), rolled back when it throws, with the error it threw.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try protection?.willCommit()
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                protection?.didRollback()
                throw Self.mapped(error)
            }
        }
    }

    /// An engine's error as the store's: its own errors as they are; PostgreSQL's with its code and message.
    static func mapped(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        let state = error.serverInfo?[.sqlState] ?? ""
        return EventStoreError.storage(code: -1, message: "PostgreSQL \(state): \(message)")
    }

    // MARK: Schema

    /// Applies the migrations not yet applied: the log's own (`PostgresSchema`), then the read models' (the
    /// options', the same ones SQLite applies), all in one transaction under the migration lock. A database
    /// already up to date is only read, so a role that may not create tables (`Deploy/postgres/roles.sql`'s
    /// `cdop_app`) can open it.
    private func migrate() throws {
        let known = PostgresSchema.migrations.map(\.name) + options.migrations.map(\.name)
        let applied = try sessions.withSession(transaction: false, protection: nil) {
            try Self.appliedMigrations(in: $0)
        }
        guard !Set(known).isSubset(of: applied) else { return }
        try migrate(options.migrations)
    }

    private func migrate(_ migrations: [SchemaMigration]) throws {
        try sessions.withSession(transaction: true, protection: protection) { session in
            _ = try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            _ = try session.query(
                "CREATE TABLE IF NOT EXISTS cdop_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            let applied = try Self.appliedMigrations(in: session)
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.sql { _ = try session.query(PostgresQuery(unsafeSQL: statement)) }
                try session.execute("INSERT INTO cdop_migrations (name) VALUES (?)", migration.name)
            }
            for migration in migrations where !applied.contains(migration.name) {
                try migration.migrate(session)
                try session.execute("INSERT INTO cdop_migrations (name) VALUES (?)", migration.name)
                if migration.changesReadModels { try ReadModelRefill.record(migration.name, in: session) }
            }
        }
    }

    /// The names of the migrations the database has applied.
    private static func appliedMigrations(in session: PostgresSession) throws -> Set<String> {
        guard try session.value(Bool.self, "SELECT to_regclass('cdop_migrations') IS NOT NULL") == true else {
            return []
        }
        return Set(try session.values(String.self, "SELECT name FROM cdop_migrations"))
    }
}

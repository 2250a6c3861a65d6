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
    /// tables up to date; refused when no server has answered within `connectWithin`.
    package init(
        url: String, options: EventStoreOptions = EventStoreOptions(), connections: Int = 10,
        pollInterval: Duration = .seconds(1), connectWithin: Duration = .seconds(30)
    ) async throws {
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
        sessions = PostgresSessionPool(
            configuration: PostgresConnection.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: .disable),
            size: connections, logger: logger)
        let client = client
        running = Task { await client.run() }
        self.logger = logger
        let address = address
        do {
            let running = running
            try await Self.within(connectWithin, onDeadline: { running.cancel() }, { try await self.migrate() })
        } catch let error as EventStoreError {
            running.cancel()
            throw error
        } catch is DeadlinePassed {
            running.cancel()
            throw EventStoreError.cannotOpen(
                path: address.description,
                reason: "no PostgreSQL server answered within \(connectWithin) (is it running, and the address right?)")
        } catch {
            running.cancel()
            throw EventStoreError.cannotOpen(path: address.description, reason: "\(Self.mapped(error))")
        }
    }

    /// Thrown by `within` when its deadline passes first.
    private struct DeadlinePassed: Error {}

    /// `body`'s result, or `DeadlinePassed` as soon as `limit` has passed; `onDeadline` then stops what the
    /// body waits on. The body is not waited for: a lease waiting on an unreachable server ends only when the
    /// pool gives up its connection attempts, which took a minute on a loaded machine.
    private static func within<T: Sendable>(
        _ limit: Duration, onDeadline: @escaping @Sendable () -> Void, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let outcome = FirstOutcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.continuation = continuation
            let timer = Task {
                try await Task.sleep(for: limit)
                onDeadline()
                outcome.finish(.failure(DeadlinePassed()))
            }
            Task {
                do {
                    let value = try await body()
                    timer.cancel()
                    outcome.finish(.success(value))
                } catch {
                    timer.cancel()
                    outcome.finish(.failure(error))
                }
            }
        }
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
    private func migrate() async throws {
        let known = PostgresSchema.migrations.map(\.name) + options.migrations.map(\.name)
        let applied = try await PostgresSession.onSessionThread {
            try self.sessions.withSession(transaction: false, protection: nil) { try Self.appliedMigrations(in: $0) }
        }
        guard !Set(known).isSubset(of: applied) else { return }
        let migrations = options.migrations
        try await PostgresSession.onSessionThread { try self.migrate(migrations) }
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

/// Whichever of a body and its deadline finishes first, given to the one waiting; the other is ignored.
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: CheckedContinuation<T, any Error>?

    var continuation: CheckedContinuation<T, any Error>? {
        get { lock.withLock { waiting } }
        set { lock.withLock { waiting = newValue } }
    }

    func finish(_ result: Result<T, any Error>) {
        let taken = lock.withLock { () -> CheckedContinuation<T, any Error>? in
            defer { waiting = nil }
            return waiting
        }
        taken?.resume(with: result)
    }
}

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
    package let protection: (any StoredDataProtection)?
    let client: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger
    /// How long a subscription waits for a notification before looking anyway (a notification is lost when its
    /// listening connection drops).
    package let pollInterval: Duration

    /// Connects to the database at `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`) and brings its
    /// tables up to date; refused when no server has answered within `connectWithin`.
    package init(
        url: String, protection: (any StoredDataProtection)? = nil, connections: Int = 10,
        pollInterval: Duration = .seconds(1), connectWithin: Duration = .seconds(30)
    ) async throws {
        address = try PostgresAddress(url)
        self.protection = protection
        self.pollInterval = pollInterval
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.maximumConnections = connections
        client = PostgresClient(configuration: configuration)
        let client = client
        running = Task { await client.run() }
        var logger = Logger(label: "cdop.postgres")
        logger.logLevel = .critical
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
        running.cancel()
        _ = await running.value
    }

    deinit { running.cancel() }

    // MARK: Appending

    package func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date) async throws -> [AppendResult] {
        try StreamAppend.validate(appends)
        let timestamp = UTCTimestamp.string(from: recordedAt)
        let data = try appends.map { share in
            try share.events.map { try stored($0, streamID: share.streamID) }
        }
        guard appends.count > 1 else {
            // One statement, in a transaction of its own: one round trip. The keys sealing made are kept first,
            // as before any commit.
            do {
                try protection?.willCommit()
                return try await client.withConnection { connection in
                    let outcome = try await call(appends[0], data[0], commandID, first: true, timestamp, on: connection)
                    return try await results(of: outcome, appends[0], commandID, on: connection)
                }
            } catch {
                protection?.didRollback()
                throw Self.mapped(error)
            }
        }
        return try await transaction { connection in
            var results: [AppendResult] = []
            for (index, share) in appends.enumerated() {
                let outcome = try await call(
                    share, data[index], commandID, first: index == 0, timestamp, on: connection)
                let found = try await self.results(of: outcome, share, commandID, on: connection)
                if outcome.status == "command-handled" { return found }
                results += found
            }
            let replayed = results.filter(\.wasAlreadyStored).count
            if replayed > 0 && replayed < results.count, let first = results.first(where: \.wasAlreadyStored) {
                throw EventStoreError.batchPartlyStored(
                    stream: first.streamID, alreadyStored: replayed, total: results.count)
            }
            return results
        }
    }

    /// What `cdop_append` said of one share.
    private struct ShareOutcome {
        var status: String
        var firstPosition: Int64?
        var lastPosition: Int64?
        var streamVersion: Int64?
        var storedCount: Int32?
    }

    /// Calls `cdop_append` for one share (`first`: the command's first, which asks whether it was handled).
    private func call(
        _ share: StreamAppend, _ data: [String], _ commandID: UUID?, first: Bool, _ timestamp: String,
        on connection: PostgresConnection
    ) async throws -> ShareOutcome {
        let (kind, expected): (String, Int64) =
            switch share.expected {
            case .any: ("any", 0)
            case .noStream: ("no-stream", 0)
            case .streamExists: ("stream-exists", 0)
            case .exact(let version): ("exact", version)
            }
        let ids = share.events.map(\.eventID)
        let types = share.events.map(\.type)
        let schemaVersions = share.events.map { Int32($0.schemaVersion) }
        let metadata = share.events.map { String(decoding: $0.metadata, as: UTF8.self) }
        do {
            let rows = try await connection.query(
                """
                SELECT status, first_position, last_position, stream_version, stored_count FROM cdop_append(
                    \(share.streamID), \(kind), \(expected), \(ids)::uuid[], \(types)::text[],
                    \(schemaVersions)::integer[], \(data)::text[], \(metadata)::text[], \(timestamp), \(commandID),
                    \(first))
                """, logger: logger)
            for try await (status, firstPosition, lastPosition, version, stored) in rows.decode(
                (String, Int64?, Int64?, Int64?, Int32?).self)
            {
                return ShareOutcome(
                    status: status, firstPosition: firstPosition, lastPosition: lastPosition, streamVersion: version,
                    storedCount: stored)
            }
            throw EventStoreError.storage(code: -1, message: "cdop_append returned no row")
        } catch let error as PSQLError
            where ["22P02", "23514"].contains(error.serverInfo?[.sqlState] ?? "")
        {
            // Not JSON: which event, told apart here, on the error's path only.
            let bad = share.events.first {
                (try? JSONSerialization.jsonObject(with: $0.data, options: [.fragmentsAllowed])) == nil
                    || (try? JSONSerialization.jsonObject(with: $0.metadata, options: [.fragmentsAllowed])) == nil
            }
            throw EventStoreError.invalidJSON(eventID: bad?.eventID ?? share.events[0].eventID)
        }
    }

    /// The results an outcome stands for: the share's, a handled command's (all its streams'), or a replay's
    /// (compared event by event, opened).
    private func results(
        of outcome: ShareOutcome, _ share: StreamAppend, _ commandID: UUID?, on connection: PostgresConnection
    ) async throws -> [AppendResult] {
        switch outcome.status {
        case "appended":
            return [
                AppendResult(
                    streamID: share.streamID, firstPosition: outcome.firstPosition ?? 0,
                    lastPosition: outcome.lastPosition ?? 0, streamVersion: outcome.streamVersion ?? 0,
                    wasAlreadyStored: false)
            ]
        case "command-handled":
            guard let commandID, let previous = try await commandResults(commandID, on: connection) else {
                throw EventStoreError.storage(code: -1, message: "a handled command's results are missing")
            }
            return previous
        case "stored-already":
            guard let replay = try await replayIfAlreadyStored(share, on: connection) else {
                throw EventStoreError.storage(code: -1, message: "events reported stored were not found")
            }
            return [replay]
        default:
            throw EventStoreError.wrongExpectedVersion(
                stream: share.streamID, expected: share.expected, actual: outcome.streamVersion ?? 0)
        }
    }

    /// When every event of `share` is stored already, identically, the original result; nil when none is.
    private func replayIfAlreadyStored(_ share: StreamAppend, on connection: PostgresConnection) async throws
        -> AppendResult?
    {
        let ids = share.events.map(\.eventID)
        var stored: [UUID: RecordedEvent] = [:]
        for event in try await events(
            where: "event_id = ANY(\(ids)::uuid[])" as PostgresQuery, limit: nil, on: connection)
        {
            stored[event.eventID] = event
        }
        guard !stored.isEmpty else { return nil }
        for event in share.events {
            guard let original = stored[event.eventID] else { continue }
            guard
                original.streamID == share.streamID && original.type == event.type
                    && original.schemaVersion == event.schemaVersion && original.data == event.data
            else {
                throw EventStoreError.eventIDReusedWithDifferentContent(eventID: event.eventID, stream: share.streamID)
            }
        }
        guard stored.count == share.events.count else {
            throw EventStoreError.batchPartlyStored(
                stream: share.streamID, alreadyStored: stored.count, total: share.events.count)
        }
        let found = share.events.compactMap { stored[$0.eventID] }
        return AppendResult(
            streamID: share.streamID, firstPosition: found[0].position, lastPosition: found[found.count - 1].position,
            streamVersion: found[found.count - 1].streamVersion, wasAlreadyStored: true)
    }

    /// The text to store for `event`'s data: sealed by the protection step (asking the keys file, as whether
    /// the stream is new is known only inside `cdop_append`).
    private func stored(_ event: NewEvent, streamID: String) throws -> String {
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

    /// The results of a command already handled, or nil when this command id is new.
    private func commandResults(_ commandID: UUID, on connection: PostgresConnection) async throws -> [AppendResult]? {
        var results: [AppendResult] = []
        let rows = try await connection.query(
            """
            SELECT stream_id, first_position, last_position, stream_version FROM commands
            WHERE command_id = \(commandID) ORDER BY first_position
            """, logger: logger)
        for try await (stream, first, last, version) in rows.decode((String, Int64, Int64, Int64).self) {
            results.append(
                AppendResult(
                    streamID: stream, firstPosition: first, lastPosition: last, streamVersion: version,
                    wasAlreadyStored: true))
        }
        return results.isEmpty ? nil : results
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

    /// Applies the migrations not yet applied. A database already up to date is only read, so a role that may
    /// not create tables (`Deploy/postgres/roles.sql`'s `cdop_app`) can open it.
    private func migrate() async throws {
        let pending = try await client.withConnection { connection in
            try await pendingMigrations(on: connection)
        }
        guard !pending.isEmpty else { return }
        _ = try await transaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS cdop_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            let pending = try await pendingMigrations(on: connection)
            for migration in PostgresSchema.migrations where pending.contains(migration.name) {
                for statement in migration.sql {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO cdop_migrations (name) VALUES (\(migration.name))", logger: logger)
            }
            return pending.count
        }
    }

    /// The names of the migrations the database has not applied.
    private func pendingMigrations(on connection: PostgresConnection) async throws -> Set<String> {
        var applied: Set<String> = []
        let recorded = try await single(
            "SELECT (to_regclass('cdop_migrations') IS NOT NULL)::int::bigint", on: connection)
        if recorded == 1 {
            for try await name in try await connection.query("SELECT name FROM cdop_migrations", logger: logger)
                .decode(String.self)
            {
                applied.insert(name)
            }
        }
        return Set(PostgresSchema.migrations.map(\.name)).subtracting(applied)
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

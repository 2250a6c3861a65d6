import CDOPPrimitives
import CDOPStore
import Dispatch
import Foundation
import PostgresNIO

extension PostgresSession {
    /// The threads asynchronous callers' sessions run on (a queue that adds a thread when one waits, unlike Swift
    /// concurrency's pool).
    private static let threads = DispatchQueue(label: "cdop.postgres.sessions", attributes: .concurrent)

    static func onSessionThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            threads.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

extension PostgresEventStore {
    /// Runs `body` in one write transaction, as the SQLite store's IMMEDIATE transaction does: it first takes
    /// the append lock, which every append and every other write transaction on any node takes, so what the
    /// body reads (the duplicate keys a notification is checked against) cannot change before it commits.
    package func transaction<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        do {
            return try sessions.withSession(transaction: true, protection: protection) { session in
                _ = try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))")
                return try body(session)
            }
        } catch let error as PostgresStatementError {
            throw Self.storeError(error)
        } catch let error as PSQLError {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in a write transaction without the append lock: for claims that lock the rows they take.
    package func claiming<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        do {
            return try sessions.withSession(transaction: true, protection: protection) { try body($0) }
        } catch let error as PostgresStatementError {
            throw Self.storeError(error)
        } catch let error as PSQLError {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in one read-only transaction: every query sees the same moment.
    package func snapshot<T>(_ body: (any SQLDatabase) throws -> T) throws(EventStoreError) -> T {
        do {
            return try sessions.withSession(transaction: true, protection: protection) { session in
                try session.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                return try body(session)
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// `transaction` for asynchronous callers, on a session thread.
    package func queuedTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T)
        async throws -> T
    {
        try await PostgresSession.onSessionThread { try self.transaction(body) }
    }

    /// `snapshot` for asynchronous callers, on a session thread.
    package func queuedSnapshot<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T)
        async throws(EventStoreError) -> T
    {
        do {
            return try await PostgresSession.onSessionThread { try self.snapshot(body) }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Any error as the store's: its own as they are, PostgreSQL's refusals with their code and message.
    static func storeError(_ error: any Error) -> EventStoreError {
        switch error {
        case let error as EventStoreError: error
        case let error as PostgresStatementError:
            .storage(code: -1, message: "PostgreSQL \(error.code ?? ""): \(error.message)")
        default:
            switch mapped(error) {
            case let error as EventStoreError: error
            default: .storage(code: -1, message: String(describing: error))
            }
        }
    }
}

extension PostgresEventStore: EventDatabase {
    package var engine: SQLEngine { .postgres }
    package var location: String { address.description }

    package func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date, in db: any SQLDatabase)
        throws -> [AppendResult]
    {
        try StreamAppend.validate(appends)
        let data = try appends.map { share in try share.events.map { try stored($0, streamID: share.streamID) } }
        return try append(
            appends, data, commandID: commandID, UTCTimestamp.string(from: recordedAt), in: try Self.session(db))
    }

    package func commandResults(for commandID: UUID, in db: any SQLDatabase) throws -> [AppendResult]? {
        try commandResults(commandID, in: try Self.session(db))
    }

    /// The PostgreSQL session of a transaction this store gave.
    private static func session(_ db: any SQLDatabase) throws -> PostgresSession {
        guard let session = db as? PostgresSession else {
            throw EventStoreError.storage(
                code: -1, message: "a PostgreSQL store was given another engine's transaction")
        }
        return session
    }
}

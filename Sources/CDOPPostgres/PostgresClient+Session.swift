import CDOPStore
import Dispatch
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
    package func transaction<T>(_ body: (any SQLDatabase) throws -> T) throws(EventStoreError) -> T {
        do {
            return try sessions.withSession(transaction: true, protection: protection) { session in
                _ = try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))")
                return try body(session)
            }
        } catch {
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
        async throws(EventStoreError) -> T
    {
        do {
            return try await PostgresSession.onSessionThread { try self.transaction(body) }
        } catch {
            throw Self.storeError(error)
        }
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

import CDOPStore
import Dispatch
import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` with a session on one of the pool's connections, inside a transaction unless `transaction` is
    /// false: committed when `body` returns, rolled back when it throws. The body runs on a thread of the
    /// sessions' own, where waiting on the server holds up no Swift concurrency thread.
    package func withSession<T: Sendable>(
        transaction: Bool = true, logger: Logger, protection: (any StoredDataProtection)?,
        _ body: @escaping @Sendable (PostgresSession) throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await PostgresSession.onSessionThread {
                let session = PostgresSession(connection: connection, logger: logger, protection: protection)
                guard transaction else { return try body(session) }
                try session.execute("BEGIN")
                do {
                    let value = try body(session)
                    // Keys the transaction's sealing made are kept before it commits, as on SQLite.
                    try protection?.willCommit()
                    try session.execute("COMMIT")
                    return value
                } catch {
                    try? session.execute("ROLLBACK")
                    protection?.didRollback()
                    throw error
                }
            }
        }
    }
}

extension PostgresSession {
    /// The threads sessions run on (a queue that adds a thread when one waits, unlike Swift concurrency's pool).
    private static let threads = DispatchQueue(label: "cdop.postgres.sessions", attributes: .concurrent)

    static func onSessionThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            threads.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

extension PostgresEventStore {
    /// Runs `body` in one transaction on the database, as `EventStore.write` does on SQLite.
    package func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws -> T {
        try await client.withSession(logger: logger, protection: protection) { try body($0) }
    }

    /// Runs `body` in one read-only transaction: every query sees the same moment.
    package func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws -> T {
        try await client.withSession(logger: logger, protection: protection) { session in
            try session.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try body(session)
        }
    }
}

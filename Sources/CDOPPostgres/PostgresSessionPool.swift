import CDOPStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// Connections for sessions (`PostgresSession`), taken and given back synchronously: a command's transaction
/// runs on the thread that asked for it, as GRDB's does, each statement sent on NIO's event loop and waited for.
/// No Swift concurrency thread is ever needed to finish a session, so one waiting cannot starve another.
///
/// At most `size` connections are open; a caller finding none free waits for one. A connection that failed is
/// closed rather than given back, and the next caller opens a fresh one.
final class PostgresSessionPool: Sendable {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let free = Mutex<[PostgresConnection]>([])
    private let slots: DispatchSemaphore
    private let nextID = Atomic<Int>(0)

    init(configuration: PostgresConnection.Configuration, size: Int, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        slots = DispatchSemaphore(value: size)
    }

    /// Runs `body` with a connection of the pool, in a transaction unless `transaction` is false: committed when
    /// `body` returns (the protection step keeping the keys its sealing made first), rolled back when it throws.
    func withSession<T>(
        transaction: Bool, protection: (any StoredDataProtection)?, _ body: (PostgresSession) throws -> T
    ) throws -> T {
        slots.wait()
        defer { slots.signal() }
        let connection = try free.withLock { $0.popLast() } ?? open()
        let session = PostgresSession(connection: connection, logger: logger, protection: protection)
        do {
            let value = try run(transaction, protection, session, body)
            free.withLock { $0.append(connection) }
            return value
        } catch {
            if connection.isClosed {
                Self.release(connection)
            } else {
                free.withLock { $0.append(connection) }
            }
            throw error
        }
    }

    private func run<T>(
        _ transaction: Bool, _ protection: (any StoredDataProtection)?, _ session: PostgresSession,
        _ body: (PostgresSession) throws -> T
    ) throws -> T {
        guard transaction else { return try body(session) }
        try session.execute("BEGIN")
        do {
            let value = try body(session)
            try protection?.willCommit()
            try session.execute("COMMIT")
            return value
        } catch {
            try? session.execute("ROLLBACK")
            protection?.didRollback()
            throw error
        }
    }

    private func open() throws -> PostgresConnection {
        try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
            id: nextID.add(1, ordering: .relaxed).newValue, logger: logger
        ).wait()
    }

    /// Closes every connection not in use.
    func close() {
        for connection in free.withLock({ connections in
            defer { connections = [] }
            return connections
        }) {
            Self.release(connection)
        }
    }

    deinit { close() }

    /// Closes `connection`, holding it until it has (a connection must be closed before it is let go).
    private static func release(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}

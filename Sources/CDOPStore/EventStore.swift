import Foundation
import GRDB

/// The append-only event store: every fact cdop knows, in one SQLite file, in commit order.
///
/// One `EventStore` per process and file. Writes go through GRDB's single writer connection in IMMEDIATE
/// transactions; other processes on the same file queue behind a busy timeout. Reads use WAL snapshots and
/// never block writes.
package final class EventStore: Sendable {
    /// The database, for projections and queries that live beside the events.
    package let database: DatabasePool
    package let path: String
    package let options: EventStoreOptions
    let commits: CommitNotifier
    /// Cancellation marks the commit notifier still keeps (none once every subscription has settled).
    package var keptSubscriptionCancellations: Int { commits.pendingCancellations }
    /// Every write transaction goes through it, so that overlapping writes share a commit.
    package let writes: GroupCommit
    /// The migrations this opening applied (empty when the schema was already current), in order.
    package let migrationsApplied: [String]

    /// Opens (creating if needed) the store at `path` and brings its schema up to date in one transaction.
    package init(path: String, options: EventStoreOptions = EventStoreOptions()) throws(EventStoreError) {
        _ = SQLiteProcessSettings.applied
        self.path = path
        self.options = options
        self.commits = CommitNotifier()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "the folder \(directory.path) cannot be created")
        }
        var configuration = Configuration()
        configuration.label = "cdop"
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.journalMode = .wal
        configuration.maximumReaderCount = max(1, options.maximumReaders)
        let pageCache = "PRAGMA cache_size = -\(max(64, options.pageCacheKiB))"
        // With personal data sealed, what a row held is zeroed when the row is rewritten or deleted (an erasure
        // leaves none of it in a free page).
        let secureDelete = options.protection != nil
        let protection = options.protection
        configuration.prepareDatabase { db in
            try db.execute(sql: pageCache)
            if secureDelete { try db.execute(sql: "PRAGMA secure_delete = ON") }
            ReadModelSealing.register(in: db, protection: protection)
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            writes = GroupCommit(database: database)
            if let protection = options.protection {
                let observer = ProtectionCommitObserver(protection)
                try database.writeWithoutTransaction { db in
                    db.add(transactionObserver: observer, extent: .databaseLifetime)
                }
            }
            // GRDB sets synchronous=NORMAL while opening in WAL; choose ours afterwards and read it back.
            let synchronous = try database.writeWithoutTransaction { db -> Int in
                let wanted = options.durability == .powerLoss ? "FULL" : "NORMAL"
                try db.execute(sql: "PRAGMA synchronous = \(wanted)")
                return try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            }
            guard synchronous == (options.durability == .powerLoss ? 2 : 1) else {
                throw EventStoreError.cannotOpen(path: path, reason: "SQLite refused the durability setting")
            }
        } catch let error as EventStoreError {
            throw error
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
        migrationsApplied = try Migrator(migrations: StoreSchema.migrations + options.migrations)
            .migrate(database, timeout: options.busyTimeout)
    }

    /// Runs `body` in an IMMEDIATE write transaction, committed when it returns; wakes subscribers after commit.
    /// Writes that overlap share one transaction, each in a savepoint of its own (`GroupCommit`).
    ///
    /// Use it to compose a read, a decision and an append (`append(_:commandID:recordedAt:in:)`) atomically.
    package func write<T>(_ body: (Database) throws -> T) throws(EventStoreError) -> T {
        let result: T
        do {
            result = try writes.write(body)
        } catch {
            throw StoreErrorMapping.map(error, busyTimeout: options.busyTimeout)
        }
        commits.signal()
        return result
    }

    /// Like `write(_:)`, but errors thrown by `body` itself come out unchanged; only database failures become
    /// `EventStoreError`. For callers whose body has errors of its own (a command's rejection).
    package func transaction<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        let result: T
        do {
            result = try writes.write(body)
        } catch let error as DatabaseError {
            throw StoreErrorMapping.map(error, busyTimeout: options.busyTimeout)
        }
        commits.signal()
        return result
    }

    /// `transaction(_:)` for callers on Swift's cooperative pool: the caller waits in the group commit's queue without
    /// holding a thread, so that many callers' writes can share a commit.
    package func queuedTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws
        -> T
    {
        let result: T
        do {
            result = try await writes.write(body)
        } catch let error as DatabaseError {
            throw StoreErrorMapping.map(error, busyTimeout: options.busyTimeout)
        }
        commits.signal()
        return result
    }

    /// The asynchronous form of `write`, for callers on Swift's cooperative pool: the group commit's queue does the
    /// work.
    package func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(EventStoreError)
        -> T
    {
        let result: T
        do {
            result = try await writes.write(body)
        } catch {
            throw StoreErrorMapping.map(error, busyTimeout: options.busyTimeout)
        }
        commits.signal()
        return result
    }

    /// Runs `body` on a consistent snapshot of the database.
    package func read<T>(_ body: (Database) throws -> T) throws(EventStoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreErrorMapping.map(error, busyTimeout: options.busyTimeout)
        }
    }

    /// The asynchronous form of `read`. The read runs on a queue of its own, never holding a pooled reader while
    /// it waits for Swift's cooperative threads: GRDB's own async read does, and a server whose few cooperative
    /// threads are blocked in synchronous reads (waiting for a reader) then deadlocks.
    package func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(EventStoreError)
        -> T
    {
        let result: Result<T, EventStoreError> = await withCheckedContinuation { continuation in
            Self.readQueue.async {
                do throws(EventStoreError) {
                    continuation.resume(returning: .success(try self.read(body)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Where asynchronous reads run (concurrent, outside the cooperative pool).
    private static let readQueue = DispatchQueue(label: "cdop.store.reads", attributes: .concurrent)
}

extension EventStore: EventDatabase {
    package var engine: SQLEngine { .sqlite }
    package var location: String { path }

    package func claiming<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        try transaction(body)
    }

    package func snapshot<T>(_ body: (any SQLDatabase) throws -> T) throws(EventStoreError) -> T {
        try read { db in try body(db) }
    }

    package func queuedSnapshot<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T)
        async throws(EventStoreError) -> T
    {
        try await read { db in try body(db) }
    }

    package func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date, in db: any SQLDatabase)
        throws -> [AppendResult]
    {
        try append(appends, commandID: commandID, recordedAt: recordedAt, in: try Self.connection(db))
    }

    package func commandResults(for commandID: UUID, in db: any SQLDatabase) throws -> [AppendResult]? {
        try commandResults(for: commandID, in: try Self.connection(db))
    }

    /// The SQLite connection of a transaction this store gave.
    private static func connection(_ db: any SQLDatabase) throws -> Database {
        guard let db = db as? Database else {
            throw EventStoreError.storage(code: -1, message: "a SQLite store was given another engine's transaction")
        }
        return db
    }
}

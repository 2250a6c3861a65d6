import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// The engines an event log runs on, each made fresh for one test: a SQLite file in a folder of its own, or a
/// database of its own in the tests' PostgreSQL cluster.
enum EventLogEngine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty log, and a way to open a second handle on the same storage (another node, another process).
    func make() async throws -> FreshLog {
        switch self {
        case .sqlite:
            let folder = TemporaryDirectory("cdop-contract")
            let path = folder.path("cdop.sqlite")
            let options = {
                var options = EventStoreOptions()
                options.durability = .processCrash
                return options
            }()
            let log = FolderKeptLog(store: try EventStore(path: path, options: options), folder: folder)
            return FreshLog(
                log: log, sqlite: log.store,
                reopen: { FolderKeptLog(store: try EventStore(path: path, options: options), folder: folder) })
        case .postgres:
            let cluster = try ThrowawayPostgres.shared()
            let database = try cluster.makeDatabase()
            // The connection may wait long for a thread when the whole suite runs on two cores: no deadline to meet.
            let log = try await PostgresEventStore(url: database.url, connectWithin: .seconds(300))
            return FreshLog(
                log: log, cluster: cluster, database: database.name,
                reopen: {
                    try await PostgresEventStore(
                        url: database.url, pollInterval: .seconds(3600), connectWithin: .seconds(300))
                })
        }
    }
}

extension EventLogEngine {
    /// A new, empty database of this engine, to run SQL in.
    func makeSQL() async throws -> SQLTransactions {
        let fresh = try await make()
        if let store = fresh.sqlite {
            return SQLTransactions(keeping: fresh) { body in try await store.write { db in try body(db) } }
        }
        let store = fresh.log as! PostgresEventStore
        return SQLTransactions(keeping: fresh) { body in try await store.queuedTransaction(body) }
    }
}

/// Transactions on one engine's database, with what keeps it alive.
struct SQLTransactions: Sendable {
    let keeping: FreshLog
    let run: @Sendable (@escaping @Sendable (any SQLDatabase) throws -> any Sendable) async throws -> any Sendable

    init(
        keeping: FreshLog,
        _ run:
            @escaping @Sendable (@escaping @Sendable (any SQLDatabase) throws -> any Sendable) async throws
            -> any Sendable
    ) {
        self.keeping = keeping
        self.run = run
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws -> T {
        try await run { try body($0) } as! T
    }
}

/// One test's log, with what keeps its storage alive.
struct FreshLog: Sendable {
    let log: any EventLog
    var sqlite: EventStore?
    var cluster: ThrowawayPostgres?
    var database: String?
    let reopen: @Sendable () async throws -> any EventLog
}

/// A SQLite log that keeps its folder (removed when the folder is released) for as long as it is used.
struct FolderKeptLog: EventLog {
    let store: EventStore
    let folder: TemporaryDirectory

    func append(_ appends: [StreamAppend], commandID: UUID?, recordedAt: Date) async throws -> [AppendResult] {
        try await store.append(appends, commandID: commandID, recordedAt: recordedAt)
    }

    func streamEvents(_ streamID: String, fromVersion version: Int64) async throws -> [RecordedEvent] {
        try await store.streamEvents(streamID, fromVersion: version)
    }

    func events(after position: Int64, limit: Int) async throws -> [RecordedEvent] {
        try await store.events(after: position, limit: limit)
    }

    func headPosition() async throws -> Int64 { try await store.headPosition() }

    func version(ofStream streamID: String) async throws -> Int64 { try await store.version(ofStream: streamID) }

    func follow(after position: Int64) -> AsyncThrowingStream<RecordedEvent, any Error> {
        .forwarding(store.subscribe(after: position), keeping: folder)
    }
}

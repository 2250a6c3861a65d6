import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// The scratch databases a rebuild writes its read models into, beside the live file and removed afterwards:
/// one per core (up to four), each holding the rows of one share of the streams (`ReplayShares`).
struct RebuildScratch {
    let paths: [String]
    /// The live store's protection: the scratch files seal and tokenise the read models' columns as it does.
    let protection: (any StoredDataProtection)?

    /// The page cache (negative: KiB) of each connection a rebuild works through: 256 MiB, so that rows keyed
    /// by random UUIDs do not thrash it as the tables grow. The live connections keep SQLite's default.
    static let workingCacheKiB = -262_144

    /// How much of each file the comparison maps into memory instead of reading page by page (SQLite caps it
    /// at its own maximum, 2 GiB in Debian's build).
    static let mappedBytes = 2_147_418_112

    /// Runs `body` with `shares` fresh scratch paths (nil: one a core, up to four) beside `livePath`, removing
    /// the files afterwards whatever happens.
    static func beside<T>(
        _ livePath: String, shares: Int?, protection: (any StoredDataProtection)?, _ body: (RebuildScratch) throws -> T
    ) throws -> T {
        let folder = URL(fileURLWithPath: livePath).deletingLastPathComponent()
        let stem = ".rebuild-\(UUID().uuidString.prefix(8))"
        let shares = max(1, shares ?? min(ProcessInfo.processInfo.activeProcessorCount, 4))
        let scratch = RebuildScratch(
            paths: (0..<shares).map { folder.appendingPathComponent("\(stem)-\($0).sqlite").path },
            protection: protection)
        defer {
            for path in scratch.paths {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    try? FileManager.default.removeItem(atPath: path + suffix)
                }
            }
        }
        return try body(scratch)
    }

    /// The schema name each scratch file is attached under.
    var schemas: [String] { paths.indices.map { "rebuilt\($0)" } }

    /// Writes the rows of one share's replayed streams into that share's scratch file.
    func write(_ states: ReplayedStates, share: Int) throws {
        let queue = try Self.open(paths[share], protection: protection)
        try queue.write { db in
            // In the order of their ids, so that the tables keyed by case id grow at their ends.
            for (stream, state) in states.cases.sorted(by: { $0.key < $1.key }) {
                try CaseTables.write(state, version: states.versions[stream] ?? 0, fresh: true, in: db)
                try TimerTables.write(state, fresh: true, in: db)
                try ReportFactTables.write(state, in: db)
                try NationalReturnQueueTables.write(state, in: db)
                if let caseID = state.caseID {
                    try OutboxTables.write(state.outboxEmails, streamID: stream, caseID: caseID.description, in: db)
                }
            }
            for (stream, state) in states.meetings {
                try MeetingTables.write(state, version: states.versions[stream] ?? 0, fresh: true, in: db)
                try OutboxTables.write(state.outboxEmails, streamID: stream, caseID: nil, in: db)
            }
            for (stream, state) in states.agencies {
                try AgencyTables.write(state, version: states.versions[stream] ?? 0, in: db)
            }
            for (stream, state) in states.users {
                try UserTables.write(state, in: db)
                try OutboxTables.write(state.outboxEmails, streamID: stream, caseID: nil, in: db)
            }
            for (stream, state) in states.nationalReturnLogs {
                try OutboxTables.write(state.outboxEmails, streamID: stream, caseID: nil, in: db)
            }
        }
        try queue.close()
    }

    /// A scratch file with the read models' tables: nothing in it must survive a crash, so no journal and no
    /// fsync, no secure deletion, one lock held throughout, and none of the indexes only queries or updates use
    /// (it is written once, then compared). Its pages are 64 KiB (SQLite's largest): shallower B-trees, and fewer
    /// page splits as rows keyed by random UUIDs go in.
    private static func open(_ path: String, protection: (any StoredDataProtection)?) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            ReadModelSealing.register(in: db, protection: protection)
            try db.execute(
                sql:
                    "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA secure_delete = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = \(workingCacheKiB)"
            )
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            for migration in ReadModels.migrations { try migration.migrate(db) }
            for index in ReadModels.queryOnlyIndexes + ReadModels.updateOnlyIndexes {
                try db.execute(sql: "DROP INDEX \(index)")
            }
        }
        return queue
    }

    /// `body`'s result on each share's file in turn, read with the live store's protection (to open sealed
    /// columns).
    func eachShare<T>(_ body: (any SQLDatabase) throws -> T) throws -> [T] {
        try paths.map { path in
            var configuration = Configuration()
            configuration.readonly = true
            configuration.prepareDatabase { db in ReadModelSealing.register(in: db, protection: protection) }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try body(db) }
        }
    }

    /// Runs `body` with every scratch file attached to `db` (under `schemas`), detaching them afterwards.
    func attached<T>(to db: Database, _ body: () throws -> T) throws -> T {
        for (path, schema) in zip(paths, schemas) {
            try db.execute(sql: "ATTACH DATABASE ? AS \(schema)", arguments: [path])
            try db.execute(sql: "PRAGMA \(schema).mmap_size = \(Self.mappedBytes)")
        }
        defer { for schema in schemas { try? db.execute(sql: "DETACH DATABASE \(schema)") } }
        return try body()
    }
}

import CDOPApp
import CDOPDefinitions
import CDOPDemo
import CDOPMail
import CDOPPostgres
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Synchronization
import Testing

/// The read models are one code path on two engines: the demo panel's fourteen months of events, written to
/// PostgreSQL in order, leave every read model (cases, requests, timers, outbox, meetings, agencies, users,
/// report facts, the national return) reading exactly as SQLite's do, personal columns sealed and opened by the
/// same keys.
@Suite("The read models on both engines")
struct ReadModelEngineTests {
    static let now = Date(timeIntervalSince1970: 1_795_428_000)

    /// The demo panel loaded into a new database: a SQLite file in `folder`, or `postgres` when given.
    static func demo(in folder: TemporaryDirectory, postgres url: String? = nil) async throws -> Engine {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.databaseURL = url
        configuration.definitionsPath = BuiltProducts.packageRoot.path
        configuration.linkSecret = Data(repeating: 7, count: 32)
        let schedules = try DeclaredSchedules.load(configuration)
        let clock = ManualClock(Self.now)
        let ids = SequentialIDs()
        let engine = try Engine(
            configuration: configuration, clock: clock, schedules: schedules, makeID: { ids.next() })
        _ = try await DemoDataSet.load(
            into: engine, clock: clock, now: Self.now, templates: schedules.definitions.templates,
            transport: SpoolTransport(directory: folder.path("spool")), mailLabel: folder.path("spool"))
        return engine
    }

    /// Every table a rebuild compares reads the same in both stores (opened, tokens left out), and the demo fills
    /// nearly all of them.
    static func expectSameReadModels(_ found: any EventDatabase, _ expected: any EventDatabase) async throws {
        var filled = 0
        for table in ReadModelRebuild.tables.map(\.name) {
            let want = try await expected.queuedSnapshot { db in try ReadModelsAsRead.rows(of: table, in: db) }
            let got = try await found.queuedSnapshot { db in try ReadModelsAsRead.rows(of: table, in: db) }
            if !want.isEmpty { filled += 1 }
            #expect(
                got == want,
                "\(table): \(got.count) rows on \(found.engine), \(want.count) on \(expected.engine); \(Self.firstDifference(got, want))"
            )
        }
        #expect(filled >= ReadModelRebuild.tables.count - 2, "tables the demo fills: \(filled)")
    }

    @Test("The demo's events, written to PostgreSQL in order, leave every read model reading as on SQLite")
    func theDemoReadsTheSameOnBothEngines() async throws {
        let folder = TemporaryDirectory("cdop-engines")
        let sqlite = try #require(try await Self.demo(in: folder).sqliteStore)
        let database = try ThrowawayPostgres.shared().makeDatabase()
        var options = ReadModels.storeOptions()
        options.protection = sqlite.options.protection
        let postgres = try PostgresEventStore(url: database.url, options: options, connectWithin: .seconds(300))
        let events = try sqlite.readAll(after: 0, limit: 1_000_000)
        #expect(events.count > 1000, "the demo's events: \(events.count)")
        for event in events {
            _ = try await postgres.append(
                [
                    StreamAppend(
                        streamID: event.streamID, expected: .exact(event.streamVersion - 1),
                        events: [
                            NewEvent(
                                eventID: event.eventID, type: event.type, schemaVersion: event.schemaVersion,
                                data: event.data, metadata: event.metadata)
                        ])
                ], commandID: nil, recordedAt: event.recordedAt)
        }
        try await Self.expectSameReadModels(postgres, sqlite)
        await postgres.close()
    }

    @Test(
        "The whole demo runs on PostgreSQL: its commands, duplicates, schedules and mail leave the same events, read models and emails as on SQLite"
    )
    func theWholeDemoRunsOnPostgres() async throws {
        let onSQLite = TemporaryDirectory("cdop-demo-sqlite")
        let onPostgres = TemporaryDirectory("cdop-demo-postgres")
        let sqlite = try await Self.demo(in: onSQLite)
        let database = try ThrowawayPostgres.shared().makeDatabase()
        let postgres = try await Self.demo(in: onPostgres, postgres: database.url)
        #expect(postgres.store.engine == .postgres)

        let expected = try await sqlite.store.events(after: 0, limit: 1_000_000)
        let found = try await postgres.store.events(after: 0, limit: 1_000_000)
        // Each stream holds the same events (their order across streams follows the demo's concurrent senders).
        let streams = { (events: [RecordedEvent]) in
            Dictionary(grouping: events, by: \.streamID).mapValues { $0.map { "\($0.streamVersion) \($0.type)" } }
        }
        let opened = { (events: [RecordedEvent]) in
            Set(events.map { "\($0.streamID) \($0.streamVersion) " + String(decoding: $0.data, as: UTF8.self) })
        }
        #expect(found.count == expected.count && found.count > 1000)
        #expect(streams(found) == streams(expected))
        let (onlyFound, onlyExpected) = (
            opened(found).subtracting(opened(expected)), opened(expected).subtracting(opened(found))
        )
        #expect(
            onlyFound.isEmpty && onlyExpected.isEmpty,
            "the events read differently, opened: \(onlyFound.sorted().prefix(2)) against \(onlyExpected.sorted().prefix(2))"
        )
        try await Self.expectSameReadModels(postgres.store, sqlite.store)
        let sent = { (folder: TemporaryDirectory) in
            try FileManager.default.contentsOfDirectory(atPath: folder.path("spool")).sorted()
        }
        #expect(try sent(onPostgres).count == sent(onSQLite).count && !sent(onSQLite).isEmpty)
    }

    static func firstDifference(_ found: [[SQLValue]], _ expected: [[SQLValue]]) -> String {
        for (left, right) in zip(found, expected) where left != right {
            return
                "first differing row: \(String(describing: left).prefix(300)) against \(String(describing: right).prefix(300))"
        }
        return found.count == expected.count ? "no row differs" : "the rows differ in number"
    }
}

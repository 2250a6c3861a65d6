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

    @Test("The demo's events leave every read model on PostgreSQL reading as it does on SQLite")
    func theDemoReadsTheSameOnBothEngines() async throws {
        let folder = TemporaryDirectory("cdop-engines")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.definitionsPath = BuiltProducts.packageRoot.path
        let schedules = try DeclaredSchedules.load(configuration)
        let clock = ManualClock(Self.now)
        let ids = SequentialIDs()
        let engine = try Engine(
            configuration: configuration, clock: clock, schedules: schedules, linkSecret: Data(repeating: 7, count: 32),
            makeID: { ids.next() })
        _ = try await DemoDataSet.load(
            into: engine, clock: clock, now: Self.now, templates: schedules.definitions.templates,
            transport: SpoolTransport(directory: folder.path("spool")), mailLabel: folder.path("spool"))
        let sqlite = engine.store

        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.makeDatabase()
        var options = ReadModels.storeOptions()
        options.protection = sqlite.options.protection
        let postgres = try await PostgresEventStore(url: database.url, options: options, connectWithin: .seconds(300))
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

        // The tables a rebuild compares: those kept from the events alone (not the senders' attempts and claims).
        var filled = 0
        for table in ReadModelRebuild.tables.map(\.name) {
            let expected = try await sqlite.read { db in try ReadModelsAsRead.rows(of: table, in: db) }
            let found = try await postgres.queuedSnapshot { db in try ReadModelsAsRead.rows(of: table, in: db) }
            if !expected.isEmpty { filled += 1 }
            #expect(
                found == expected,
                "\(table): \(found.count) rows on PostgreSQL, \(expected.count) on SQLite; \(Self.firstDifference(found, expected))"
            )
        }
        #expect(filled >= ReadModelRebuild.tables.count - 2, "tables the demo fills: \(filled)")
        await postgres.close()
    }

    static func firstDifference(_ found: [[SQLValue]], _ expected: [[SQLValue]]) -> String {
        for (left, right) in zip(found, expected) where left != right {
            return
                "first differing row: \(String(describing: left).prefix(300)) against \(String(describing: right).prefix(300))"
        }
        return found.count == expected.count ? "no row differs" : "the rows differ in number"
    }
}

import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// The operator's checks on a PostgreSQL panel: `verify` and `rebuild` compare the live read models with a
/// replay of the events, and an upgrade's owed refill fills them, as on SQLite.
@Suite("Verifying, rebuilding and refilling a panel on PostgreSQL")
struct PostgresOperationsTests {
    @Test("The demo panel verifies clean; a read-model row changed behind cdop's back is found; a refill mends it")
    func verifyFindsAndRefillMends() async throws {
        let folder = TemporaryDirectory("cdop-pg-verify")
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.makeDatabase()
        let engine = try await ReadModelEngineTests.demo(in: folder, postgres: database.url)
        let keys = engine.configuration.keysPath

        let clean = try DatabaseVerification(store: engine.store, scratchBeside: keys).run()
        #expect(clean.passed, "\(clean.failures)")
        #expect(clean.checks.map(\.name).contains("events table append-only"))
        #expect(clean.events == (try engine.store.eventCount()))

        // A timer lost and a form request changed, as a faulty script or a bad restore might leave them.
        _ = try cluster.psql(
            """
            DELETE FROM timers WHERE timer_id = (SELECT MIN(timer_id) FROM timers);
            UPDATE form_requests SET outstanding = 1 - outstanding
            WHERE request_id = (SELECT MIN(request_id) FROM form_requests);
            """, database: database.name)
        let broken = try ReadModelRebuild(store: engine.store, scratchBeside: keys).run()
        let differing = Dictionary(uniqueKeysWithValues: broken.differences.map { ($0.table, $0) })
        #expect(Set(differing.keys) == ["timers", "form_requests"], "\(broken.differences)")
        #expect(differing["timers"].map { ($0.onlyLive, $0.onlyRebuilt) } ?? (0, 0) == (0, 1))
        #expect(differing["form_requests"].map { ($0.onlyLive, $0.onlyRebuilt) } ?? (0, 0) == (1, 1))
        #expect(differing["timers"]?.sampleKeys.count == 1)

        // An upgrade's read-model migration leaves a refill owed: the next opening refills every read model.
        _ = try cluster.psql(
            "INSERT INTO read_models_to_refill (migration) VALUES ('test.v1')", database: database.name)
        let reopened = try Engine(
            configuration: engine.configuration, clock: ManualClock(ReadModelEngineTests.now),
            schedules: try DeclaredSchedules.load(engine.configuration))
        let owed = try cluster.psql("SELECT COUNT(*) FROM read_models_to_refill", database: database.name)
        #expect(owed.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let mended = try DatabaseVerification(store: reopened.store, scratchBeside: keys).run()
        #expect(mended.passed, "\(mended.failures)")
    }

    @Test("An event deleted with the append-only triggers switched off fails verification three ways")
    func verifyFindsBrokenLog() async throws {
        let folder = TemporaryDirectory("cdop-pg-verify-log")
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.makeDatabase()
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.databaseURL = database.url
        configuration.linkSecret = Data(repeating: 7, count: 32)
        let engine = try Engine(configuration: configuration, clock: ManualClock(ReadModelEngineTests.now))
        for name in ["Northgate Surgery", "Riverside School", "Eastfield Police"] {
            let id = AgencyID(UUID())
            try await engine.workflow.execute(
                .register(
                    agencyID: id, name: name, kind: .gp,
                    contacts: [AgencyContact(name: "Lead", email: "lead@agency.example.org", isLead: true)]),
                on: id, by: Actor(name: "c", role: "coordinator"))
        }
        #expect(try DatabaseVerification(store: engine.store, scratchBeside: configuration.keysPath).run().passed)
        _ = try cluster.psql(
            """
            ALTER TABLE events DISABLE TRIGGER events_are_never_changed;
            DELETE FROM commands WHERE first_position = 2;
            DELETE FROM events WHERE position = 2;
            """, database: database.name)
        let report = try DatabaseVerification(store: engine.store, scratchBeside: configuration.keysPath).run()
        let failed = report.checks.filter { !$0.passed }.map(\.name)
        #expect(
            failed == [
                "events table append-only", "event positions without gaps",
                "read models equal a rebuild from the events",
            ], "\(report.failures)")
    }
}

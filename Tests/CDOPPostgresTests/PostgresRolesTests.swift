import CDOPApp
import CDOPDomain
import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// `Deploy/postgres/roles.sql` and `grants.sql`: the owner migrates, the application's role appends and reads,
/// and the database refuses it any change to an event by its privileges, before any trigger.
@Suite("PostgreSQL roles with least privilege")
struct PostgresRolesTests {
    @Test(
        "The application's role appends and reads, may not change, remove or make tables, and runs the whole engine once the owner has migrated"
    )
    func theApplicationsRoleMayOnlyAppend() async throws {
        let cluster = try ThrowawayPostgres.shared()
        let database = try cluster.makeDatabase()
        let deploy = BuiltProducts.packageRoot.appendingPathComponent("Deploy/postgres")
        try cluster.psql(
            file: deploy.appendingPathComponent("roles.sql").path, database: "postgres",
            variables: ["database": database.name, "owner_password": "'owner'", "app_password": "'app'"])
        let address = { (role: String) in
            database.url.replacingOccurrences(of: "//\(cluster.user)@", with: "//\(role):\(role)@")
        }
        let owner = try await PostgresEventStore(url: address("cdop_owner"), connectWithin: .seconds(300))
        await owner.close()
        try cluster.psql(
            file: deploy.appendingPathComponent("grants.sql").path, database: database.name, role: "cdop_owner")

        let app = try await PostgresEventStore(url: address("cdop_app"), connectWithin: .seconds(300))
        let appended = try await app.append(
            [StreamAppend(streamID: "probe-a", expected: .noStream, events: [EventLogContractTests.event()])],
            commandID: UUID(), recordedAt: EventLogContractTests.now)
        #expect(appended.map(\.lastPosition) == [1])
        #expect(try await app.events(after: 0, limit: 10).count == 1)
        await app.close()

        for statement in [
            "UPDATE events SET type = 'x'", "DELETE FROM events", "TRUNCATE events",
            "DROP TRIGGER events_are_never_changed ON events", "CREATE TABLE anything (a integer)",
            "DELETE FROM commands",
        ] {
            let error = #expect(throws: ThrowawayPostgres.Failure.self, "\(statement)") {
                try cluster.psql(statement, database: database.name, role: "cdop_app")
            }
            let text = String(describing: error)
            #expect(text.contains("permission denied") || text.contains("must be owner"), "\(statement): \(text)")
        }
        #expect(try cluster.psql("SELECT count(*) FROM events", database: database.name, role: "cdop_app") == "1")

        // The whole engine, its read models and its keys database made by the owner, runs as the application's
        // role, keys and all.
        let keys = try cluster.makeDatabase()
        try cluster.psql(
            file: deploy.appendingPathComponent("roles.sql").path, database: "postgres",
            variables: ["database": keys.name, "owner_password": "'owner'", "app_password": "'app'"])
        let keysAddress = { (role: String) in
            keys.url.replacingOccurrences(of: "//\(cluster.user)@", with: "//\(role):\(role)@")
        }
        let folder = TemporaryDirectory("cdop-roles")
        _ = try SeveralNodesTests.node(
            folder, address("cdop_owner"), keys: keysAddress("cdop_owner"), now: ReadModelEngineTests.now)
        try cluster.psql(
            file: deploy.appendingPathComponent("grants.sql").path, database: database.name, role: "cdop_owner")
        try cluster.psql(
            file: deploy.appendingPathComponent("keys-grants.sql").path, database: keys.name, role: "cdop_owner")
        let server = try SeveralNodesTests.node(
            folder, address("cdop_app"), keys: keysAddress("cdop_app"), now: ReadModelEngineTests.now)
        var random = SeededRandom(seed: 22)
        let notification = SyntheticPanel.notification(
            using: &random, died: CalendarDate(year: 2026, month: 11, day: 20)!,
            notified: CalendarDate(year: 2026, month: 11, day: 21)!, ageDays: 400, area: "NTH",
            expectation: .unexpected)
        let notified = try server.workflow.notify(notification, by: Actor(name: "Ann Coordinator", role: "coordinator"))
        let again = try server.workflow.notify(notification, by: Actor(name: "Ben Nurse", role: "notifier"))
        #expect(again.possibleDuplicateOf == notified.caseID, "the second notification is found as a duplicate")
        #expect(try server.store.eventCount() >= 2)
        // An erasure, as the application's role: the key deleted, the tombstone kept, which it may not remove.
        try PersonalDataErasure(engine: server).erase(
            caseID: notified.caseID, role: "child", reason: "Retention period ended",
            by: Actor(name: "Ann Coordinator", role: "coordinator"), now: ReadModelEngineTests.now)
        #expect(throws: ThrowawayPostgres.Failure.self) {
            try cluster.psql("DELETE FROM erased_subjects", database: keys.name, role: "cdop_app")
        }
    }
}

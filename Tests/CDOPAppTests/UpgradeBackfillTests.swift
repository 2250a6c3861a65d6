import CDOPApp
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// An upgrade that adds a read model to a database already holding events fills it from those events.
@Suite struct UpgradeBackfillTests {
    @Test("a read model added by an upgrade is filled from the events already stored, and equals a rebuild")
    func newReadModelIsFilledFromTheEvents() throws {
        let folder = TemporaryDirectory("cdop-upgrade")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        let secret = Data(repeating: 7, count: 32)
        let clock = TestClock(iso: "2026-03-02T08:00:00Z")
        let links: [String]
        do {
            let engine = try Engine(
                configuration: configuration, clock: clock, schedules: TestSchedules.catalog, linkSecret: secret)
            var random = SeededRandom(seed: 5)
            let today = CalendarDate(year: 2026, month: 3, day: 2)!
            let notification = SyntheticPanel.notification(
                using: &random, died: today.adding(days: -1), notified: today, ageDays: 400, area: "NTH",
                expectation: .expected)
            let caseID = try engine.workflow.notify(notification, by: Actor(name: "n", role: "notifier")).caseID
            let agency = AgencyID(UUID())
            let coordinator = Actor(name: "c", role: "coordinator")
            try engine.workflow.execute(
                .recordAgencyInvolved(
                    AgencyInvolvement(
                        agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactName: "Dr Jo Example",
                        contactEmail: "jo@northgate.example.nhs.uk")),
                on: caseID, by: coordinator)
            try engine.workflow.execute(
                .requestForm(
                    requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting,
                    contactEmail: "jo@northgate.example.nhs.uk", dueDate: today.adding(days: 14), schedule: nil),
                on: caseID, by: coordinator)
            links = try Self.linkHashes(engine.store)
            try engine.store.database.close()
        }
        #expect(links.count == 1)

        // Back to the schema before projections.v2.practitioner_links, as a database from that time was.
        let queue = try DatabaseQueue(path: configuration.databasePath)
        try queue.write { db in
            try db.execute(sql: "DROP TABLE practitioner_links")
            try db.execute(sql: "DELETE FROM schema_migrations WHERE name = 'projections.v2.practitioner_links'")
        }
        try queue.close()

        let upgraded = try Engine(
            configuration: configuration, clock: clock, schedules: TestSchedules.catalog, linkSecret: secret)
        #expect(upgraded.store.migrationsApplied == ["projections.v2.practitioner_links"])
        #expect(try Self.linkHashes(upgraded.store) == links)
        #expect(try ReadModelRebuild(store: upgraded.store).run().isClean)
    }

    static func linkHashes(_ store: EventStore) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM practitioner_links ORDER BY 1") }
    }
}

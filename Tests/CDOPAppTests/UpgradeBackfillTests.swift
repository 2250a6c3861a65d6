import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// An upgrade that adds a read model to a database already holding events fills it from those events.
@Suite("Read models filled on upgrade")
struct UpgradeBackfillTests {
    @Test("A read model added by an upgrade is filled from the events already stored, and equals a rebuild")
    func newReadModelIsFilledFromTheEvents() throws {
        let old = try OldDatabase()
        let upgraded = try old.engine()
        #expect(upgraded.sqliteStore!.migrationsApplied == ["projections.v2.practitioner_links"])
        #expect(try Self.linkHashes(upgraded.sqliteStore!) == old.links)
        #expect(try ReadModelRebuild(store: upgraded.sqliteStore!).run().isClean)
        #expect(try upgraded.sqliteStore!.read(ReadModelRefill.pending).isEmpty)
    }

    @Test("An upgrade stopped after its migration committed but before the refill is filled at the next opening")
    func interruptedUpgradeIsFilledLater() throws {
        let old = try OldDatabase()
        // The migration is applied and committed, and the process stops before it refills (a crash, a kill).
        do {
            let (store, _) = try old.migratedWithoutRefill()
            #expect(store.migrationsApplied == ["projections.v2.practitioner_links"])
            #expect(try Self.linkHashes(store).isEmpty)
            #expect(try store.read(ReadModelRefill.pending) == ["projections.v2.practitioner_links"])
            try store.database.close()
        }
        // The next opening applies nothing, yet still owes the refill, and does it.
        let reopened = try old.engine()
        #expect(reopened.sqliteStore!.migrationsApplied.isEmpty)
        #expect(try Self.linkHashes(reopened.sqliteStore!) == old.links)
        #expect(try reopened.sqliteStore!.read(ReadModelRefill.pending).isEmpty)
        #expect(try ReadModelRebuild(store: reopened.sqliteStore!).run().isClean)
    }

    @Test("A refill overtaken by events another process appends builds again, so those events' rows are kept")
    func refillOvertakenByAppendsBuildsAgain() throws {
        let old = try OldDatabase()
        let (store, workflow) = try old.migratedWithoutRefill()
        let agency = AgencyID(UUID())
        var appended = false
        // Between the first build and its replace, another process registers an agency.
        let outcome = try ReadModelRebuild(store: store).refillLiveTables {
            guard !appended else { return }
            appended = true
            try workflow.execute(
                .register(
                    agencyID: agency, name: "Southgate Surgery", kind: .gp,
                    contacts: [
                        AgencyContact(name: "Dr Sam Example", email: "sam@southgate.example.nhs.uk", isLead: true)
                    ]),
                on: agency, by: Actor(name: "c", role: "coordinator"))
        }
        let events = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
        #expect(outcome == .refilled(events: events, builds: 2))
        #expect(
            try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM agencies") }.contains(
                "Southgate Surgery"))
        #expect(try Self.linkHashes(store) == old.links)
        #expect(try store.read(ReadModelRefill.pending).isEmpty)
        #expect(try ReadModelRebuild(store: store).run().isClean)
    }

    @Test(
        "A refill that another process finished first replaces nothing; one overtaken at every build says so and keeps its debt"
    )
    func refillDoneElsewhereOrAlwaysOvertaken() throws {
        let old = try OldDatabase()
        let (store, workflow) = try old.migratedWithoutRefill()
        // Another process refills and marks it done while this one builds.
        #expect(
            try ReadModelRebuild(store: store).refillLiveTables {
                try store.write { db in try ReadModelRefill.markDone(in: db) }
            } == .refilledElsewhere)
        #expect(try Self.linkHashes(store).isEmpty)

        // Owed again, and overtaken by a new agency before every replace: refused, nothing replaced, still owed.
        try store.write { db in
            try db.execute(
                sql: "INSERT INTO read_models_to_refill (migration) VALUES ('projections.v2.practitioner_links')")
        }
        #expect(throws: ReadModelRefillError.eventsKeptArriving(builds: ReadModelRebuild.refillBuilds)) {
            try ReadModelRebuild(store: store).refillLiveTables {
                let agency = AgencyID(UUID())
                try workflow.execute(
                    .register(
                        agencyID: agency, name: "Agency \(agency)", kind: .gp,
                        contacts: [AgencyContact(name: "Lead", email: "lead@agency.example.org", isLead: true)]),
                    on: agency, by: Actor(name: "c", role: "coordinator"))
            }
        }
        #expect(try Self.linkHashes(store).isEmpty)
        #expect(try store.read(ReadModelRefill.pending) == ["projections.v2.practitioner_links"])
    }

    @Test("A new database owes no refill: its read models start empty, as its events do")
    func newDatabaseOwesNoRefill() throws {
        let folder = TemporaryDirectory("cdop-upgrade")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        let engine = try Engine(
            configuration: configuration, clock: TestClock(iso: "2026-03-02T08:00:00Z"),
            schedules: TestSchedules.catalog,
            linkSecret: Data(repeating: 7, count: 32))
        #expect(engine.sqliteStore!.migrationsApplied.contains("projections.v2.practitioner_links"))
        #expect(try engine.sqliteStore!.read(ReadModelRefill.pending).isEmpty)
    }

    /// A database holding one case with a Form B request, taken back to the schema before
    /// projections.v2.practitioner_links, as a database from that time was.
    struct OldDatabase {
        let folder = TemporaryDirectory("cdop-upgrade")
        var configuration = AppConfiguration()
        let secret = Data(repeating: 7, count: 32)
        let clock = TestClock(iso: "2026-03-02T08:00:00Z")
        /// The request's link, as the current schema stored it before going back.
        let links: [String]

        init() throws {
            configuration.databasePath = folder.path("cdop.sqlite")
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
            links = try UpgradeBackfillTests.linkHashes(engine.sqliteStore!)
            try engine.sqliteStore!.database.close()
            #expect(links.count == 1)

            let queue = try DatabaseQueue(path: configuration.databasePath)
            try queue.write { db in
                try db.execute(sql: "DROP TABLE practitioner_links")
                try db.execute(sql: "DELETE FROM schema_migrations WHERE name = 'projections.v2.practitioner_links'")
            }
            try queue.close()
        }

        /// The store opened with the current migrations and not refilled, as a process stopped right after
        /// migrating leaves it, with a workflow appending to it as another process would.
        func migratedWithoutRefill() throws -> (EventStore, CaseWorkflow) {
            let cache = StateCache()
            let options = try PersonalDataProtection.storeOptions(
                EventStoreOptions(), keysPath: configuration.keysPath, forms: [])
            let store = try EventStore(
                path: configuration.databasePath, options: ReadModels.storeOptions(options, cache: cache))
            let handler = CommandHandler(store: store, clock: clock, panel: configuration.panel, cache: cache)
            return (store, CaseWorkflow(handler: handler))
        }

        func engine() throws -> Engine {
            try Engine(configuration: configuration, clock: clock, schedules: TestSchedules.catalog, linkSecret: secret)
        }
    }

    static func linkHashes(_ store: EventStore) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM practitioner_links ORDER BY 1") }
    }
}

import CDOPApp
import CDOPDefinitions
import CDOPDemo
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Synchronization
import Testing

/// The demo data set: every stage present, refused a second time, the same for the same now, rebuildable.
struct DemoDataSetTests {
    /// A fixed "now" (a Monday afternoon in London).
    static let now = ISO8601DateFormatter().date(from: "2026-11-23T15:30:00Z")!

    /// A demo engine on a fresh database with predictable identifiers and link secret.
    struct DemoEngine {
        let folder = TemporaryDirectory("cdop-demo")
        let clock = ManualClock(DemoDataSetTests.now)
        let engine: Engine
        let templates: [String: EmailTemplate]

        init() throws {
            var configuration = AppConfiguration()
            configuration.databasePath = folder.path("cdop.sqlite")
            configuration.definitionsPath = BuiltProducts.packageRoot.path
            let schedules = try DeclaredSchedules.load(configuration)
            templates = schedules.definitions.templates
            var options = EventStoreOptions()
            options.durability = .processCrash
            let ids = SequentialIDs()
            engine = try Engine(
                configuration: configuration, clock: clock, storeOptions: options, schedules: schedules,
                linkSecret: Data(repeating: 7, count: 32), makeID: { ids.next() })
        }

        func load() async throws -> DemoSummary {
            try await DemoDataSet.load(
                into: engine, clock: clock, now: DemoDataSetTests.now, templates: templates,
                transport: SpoolTransport(directory: folder.path("spool")), mailLabel: folder.path("spool"))
        }
    }

    @Test("The demo loads about 40 cases in every stage, which rebuild identically")
    func loadsAbout40CasesInEveryStageThatRebuildIdentically() async throws {
        let demo = try DemoEngine()
        let started = Date()
        let summary = try await demo.load()
        let seconds = Date().timeIntervalSince(started)
        #expect((38...46).contains(summary.cases), "\(summary.casesByStage)")
        let stages = [
            "notified", "outOfScope", "transferred", "duplicate", "triaged", "rapidResponseActive",
            "informationGathering", "awaitingExternal", "reviewMeetingHeld", "readyForPanel", "panelScheduled",
            "panelReviewed", "submittedToNCMD", "closed",
        ]
        for stage in stages {
            #expect(summary.casesByStage[stage, default: 0] > 0, "no case in stage \(stage): \(summary.casesByStage)")
        }
        #expect(summary.agencies == 12)
        #expect(
            summary.meetings["panel held", default: 0] >= 12 && summary.meetings["panel scheduled", default: 0] == 2)
        #expect(summary.emails["sent", default: 0] > 100)
        // Every email of the history can be written and sent, target alerts included.
        #expect(summary.emails["failed", default: 0] == 0, "\(summary.emails)")
        #expect(demo.clock.now() == Self.now)
        let spooled = try FileManager.default.contentsOfDirectory(atPath: demo.folder.path("spool"))
        #expect(spooled.count >= summary.emails["sent", default: 0])
        // The rebuild matches however many shares (workers and scratch files) the streams are split into.
        var replayed: [Int] = []
        for shares in [nil, 1, 3] {
            let report = try ReadModelRebuild(store: demo.engine.sqliteStore!, shares: shares).run()
            #expect(report.isClean, "\(shares ?? 0) shares: \(report.differences)")
            replayed.append(report.streams)
        }
        #expect(Set(replayed).count == 1 && replayed[0] > summary.cases, "\(replayed)")
        print("demo load: \(summary.events) events in \(String(format: "%.1f", seconds)) s")
    }

    @Test("The scenarios happen as told")
    func theScenariosHappenAsTold() async throws {
        let demo = try DemoEngine()
        _ = try await demo.load()
        try Self.checkScenarios(demo.engine.sqliteStore!)
    }

    static func checkScenarios(_ store: EventStore) throws {
        try store.read { db in
            // Scenario 1: the second notification was confirmed a duplicate; reminders and both escalations went out.
            let duplicates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_summaries WHERE stage = 'duplicate'")
            #expect(duplicates == 1)
            let escalations =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type = 'case.formEscalated.v1'") ?? 0
            #expect(escalations >= 4)
            let reminders =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type = 'case.formReminderIssued.v1'") ?? 0
            #expect(reminders >= 10)
            // A rapid-response meeting was moved (an update, sequence 1) and one is still to come.
            let moved = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM meetings WHERE type = 'rapidResponse' AND sequence > 0")
            #expect(moved == 2)
            // The themed neonatal panel had five cases on its agenda.
            let neonatal = try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM meeting_agenda a JOIN meetings m USING (meeting_id) WHERE m.title LIKE 'Themed panel%'"
            )
            #expect(neonatal == 5)
            // Outstanding requests: some due soon, some overdue; a safeguarding referral; open actions.
            let overdue =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM form_requests WHERE outstanding = 1 AND due_date < '2026-11-23'")
                ?? 0
            #expect(overdue >= 3)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM events WHERE type = 'case.referredForSafeguardingPracticeReview.v1'")
                    == 1)
            #expect(
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type = 'case.reviewPaused.v1'") ?? 0 >= 4)
        }
        // Every NHS number is from the 999 test range and every postcode from ZZ99 (read through the store: the
        // stored events hold them sealed).
        let children = try store.readAll(after: 0, limit: 1_000_000)
            .filter { $0.type == "case.notificationReceived.v1" }
            .compactMap { event -> [String: Any]? in
                let data = try? JSONSerialization.jsonObject(with: event.data) as? [String: Any]
                return (data?["notification"] as? [String: Any])?["child"] as? [String: Any]
            }
        let numbers = children.compactMap { ($0["nhsNumber"] as? [String: Any])?["number"] as? String }
        #expect(!numbers.isEmpty && numbers.allSatisfy { $0.hasPrefix("999") })
        let postcodes = children.compactMap { ($0["address"] as? [String: Any])?["postcode"] as? String }
        #expect(postcodes.count >= 40 && postcodes.allSatisfy { $0.hasPrefix("ZZ99 ") })
    }

    @Test("The same moment and identifiers give the same data set")
    func theSameNowAndIdentifiersGiveTheSameDataSet() async throws {
        let first = try DemoEngine()
        let second = try DemoEngine()
        let one = try await first.load()
        let other = try await second.load()
        #expect(one.casesByStage == other.casesByStage && one.emails == other.emails && one.meetings == other.meetings)
        #expect(one.events == other.events && one.timersPending == other.timersPending)
        try Self.compareTables(first.engine.sqliteStore!, second.engine.sqliteStore!)
    }

    /// Every read model (as read: sealed columns opened, tokens left out) and every event's stream, version,
    /// type, data (as read: the stored bytes are sealed with keys of each database's own) and time, are the same
    /// in both.
    static func compareTables(_ first: EventStore, _ second: EventStore) throws {
        let events = { (store: EventStore) in
            try store.readAll(after: 0, limit: 1_000_000).map {
                [
                    $0.streamID, String($0.streamVersion), $0.type, String(decoding: $0.data, as: UTF8.self),
                    String(describing: $0.recordedAt),
                ]
            }
        }
        let mine = try events(first)
        let theirs = try events(second)
        #expect(!mine.isEmpty && mine == theirs, "the events differ")
        // The demo makes no accounts (the CLI adds them) and sends no national return through the HTTPS adapter, so
        // the users and ncmd_deliveries tables are empty in both.
        let tables = ReadModelRebuild.tables.map(\.name).filter { !["users", "ncmd_deliveries"].contains($0) }
        for table in tables {
            let mine = try first.read { db in try ReadModelsAsRead.rows(of: table, in: db) }
            let theirs = try second.read { db in try ReadModelsAsRead.rows(of: table, in: db) }
            #expect(!mine.isEmpty && mine == theirs, "\(table): \(mine.count) and \(theirs.count) rows differ")
        }
    }

    @Test("A database with events is refused")
    func aDatabaseWithEventsIsRefused() async throws {
        let demo = try DemoEngine()
        let id = AgencyID(UUID())
        try await demo.engine.workflow.execute(
            .register(
                agencyID: id, name: "Northgate Surgery", kind: .gp,
                contacts: [AgencyContact(name: "Lead", email: "lead@northgate.example.nhs.uk", isLead: true)]),
            on: id, by: DemoDirectory.coordinator)
        let error = await #expect(throws: CommandError.self) { try await demo.load() }
        #expect(
            error?.code == "demo.databaseNotEmpty" && error?.description.contains("already holds 1 event(s)") == true)
        #expect(try await DemoDataSet.loadIfEmpty(configuration: demo.engine.configuration) == nil)
    }
}

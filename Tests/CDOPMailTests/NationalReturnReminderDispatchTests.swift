import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// A panel with the shipped definitions on a manual clock: cases of the reporting year 2025-26 (whose return is
/// due by 31 March 2027) and one of 2026-27.
struct ReminderScenario {
    let engine: Engine
    let clock = TestClock(iso: "2026-12-01T09:00:00Z")
    let templates: [String: EmailTemplate]
    let forms: FormCatalog
    /// Deaths in June 2025, September 2025 and February 2026 (the year 2025-26), and May 2026 (2026-27).
    var caseIDs: [CaseID] = []
    var names: [String] = []

    init(directory: TemporaryDirectory) throws {
        let definitions = try DefinitionSet.load(from: BuiltProducts.packageRoot).get()
        templates = definitions.templates
        forms = definitions.forms
        var configuration = AppConfiguration()
        configuration.databasePath = directory.file("cdop.sqlite").path
        configuration.baseURL = URL(string: "https://cdop.example.org")!
        configuration.coordinatorEmail = "coordinator@cdop.example.org"
        configuration.panelChairEmail = "chair@cdop.example.org"
        engine = try Engine(
            configuration: configuration, clock: clock, schedules: DeclaredSchedules(definitions),
            linkSecret: Data(repeating: 7, count: 32))
        var random = SeededRandom(seed: 31)
        let deaths = [(2025, 6, 10), (2025, 9, 1), (2026, 2, 1), (2026, 5, 20)]
        for (index, death) in deaths.enumerated() {
            let died = CalendarDate(year: death.0, month: death.1, day: death.2)!
            let notification = SyntheticPanel.notification(
                using: &random, died: died, notified: died.adding(days: 1), ageDays: 400 + index, area: "NTH",
                expectation: .expected)
            names += [notification.child.name.forenames, notification.child.name.surname]
            caseIDs.append(try engine.workflow.notify(notification, by: Actor(name: "n", role: "notifier")).caseID)
        }
    }

    func finaliseNotification(_ caseID: CaseID) throws {
        try engine.workflow.finaliseNationalReturnPart(
            .notification, on: caseID, forms: forms, by: Actor(name: "c", role: "coordinator"))
    }

    func tickReminders() -> [DeadlineScheduler.FiredTimer] {
        engine.scheduler.tick().fired.filter { $0.action == "national-return-reminder" }
    }

    func yearsEvents() throws -> [NationalReturnLogEvent] {
        try engine.store.readStream(NationalReturnLog.streamID(year: 2025)).map {
            try $0.decoded(as: NationalReturnLogEvent.self)
        }
    }
}

@Suite("Reminders before the national return is due, from the scheduler through the outbox")
struct NationalReturnReminderDispatchTests {
    @Test(
        "Eight weeks before 31 March the coordinator is emailed the year's cases not ready, by reference and reason, once"
    )
    func firstReminder() async throws {
        try await withSMTPServer { server, directory in
            let scenario = try ReminderScenario(directory: directory)
            let (ready, notReady, later) = (scenario.caseIDs[0], scenario.caseIDs[1...2], scenario.caseIDs[3])
            try scenario.finaliseNotification(ready)

            scenario.clock.set(Timestamp.parse("2027-02-03T08:59:00Z")!)
            #expect(scenario.tickReminders().isEmpty, "nothing before 09:00 on the step's day")
            scenario.clock.set(Timestamp.parse("2027-02-03T09:00:00Z")!)
            let fired = scenario.tickReminders()
            #expect(fired.map(\.step) == ["eight-weeks-before"] && fired.map(\.outcome) == ["acted"], "\(fired)")
            #expect(fired.first?.caseReference == "national return 2025-26")
            #expect(scenario.tickReminders().isEmpty, "a second tick acts on nothing")

            let dispatcher = scenario.engine.dispatcher(
                templates: scenario.templates, transport: SMTPTransport(settings: try server.settings()))
            let outcomes = await dispatcher.dispatchAll()
            #expect(outcomes.map(\.result) == ["sent"], "\(outcomes)")
            #expect(await dispatcher.dispatchAll().isEmpty, "sent once")

            let files = try server.receivedFiles()
            let mail = try #require(try await PythonCheck.parseMail(files, in: directory).first)
            #expect(mail.defects.isEmpty)
            #expect(mail.to.map(\.address) == ["coordinator@cdop.example.org"])
            #expect(mail.subject == "National return 2025-26 due 31 March 2027: 2 case(s) not ready")
            let body = mail.text ?? ""
            for caseID in notReady {
                #expect(body.contains("- \(caseID.reference): The notification is not finalised."), "\(body)")
            }
            #expect(!body.contains(ready.reference) && !body.contains(later.reference), "\(body)")
            #expect(body.contains("- Notification not finalised: 2"), "\(body)")
            #expect(body.contains("https://cdop.example.org/panel/national-return?year=2025"), "\(body)")
            let raw = try String(contentsOf: files[0], encoding: .utf8)
            for name in scenario.names { #expect(!raw.contains(name), "the email names a child: \(name)") }

            let types = try scenario.engine.store.readStream(NationalReturnLog.streamID(year: 2025)).map(\.type)
            #expect(types == ["nationalReturn.reminderReached.v1", "nationalReturn.emailSent.v1"])
            #expect(
                try ReadModelRebuild(store: scenario.engine.sqliteStore!).run().isClean,
                "a rebuild writes the same outbox")
        }
    }

    @Test(
        "After a gap only the latest reminder is sent, to each person it names, the earlier ones recorded as passed; none after 31 March"
    )
    func gapAndDeadline() async throws {
        try await withTemporaryDirectory { directory in
            let scenario = try ReminderScenario(directory: directory)
            scenario.clock.set(Timestamp.parse("2027-03-25T10:00:00Z")!)
            let fired = scenario.tickReminders()
            #expect(fired.map(\.step) == ["one-week-before"], "\(fired)")
            guard case .reminderReached(let reached)? = try scenario.yearsEvents().first else {
                Issue.record("no reminder recorded")
                return
            }
            #expect(reached.skippedSteps == ["eight-weeks-before", "four-weeks-before", "two-weeks-before"])
            #expect(reached.casesNotReady.map(\.caseReference) == scenario.caseIDs[0...2].map(\.reference).sorted())

            let spool = directory.file("spool").path
            let outcomes = await scenario.engine.dispatcher(
                templates: scenario.templates, transport: SpoolTransport(directory: spool)
            ).dispatchAll()
            let reminders = outcomes.filter { $0.template == "national-return-reminder" }
            #expect(reminders.map(\.recipientRole).sorted() == ["coordinator", "panel chair"], "\(outcomes)")
            #expect(reminders.allSatisfy { $0.result == "sent" })

            scenario.clock.set(Timestamp.parse("2027-04-01T09:00:00Z")!)
            #expect(
                scenario.tickReminders().isEmpty,
                "the deadline has passed, and the next year's reminders are months away")
            #expect(try scenario.yearsEvents().count == 3)
        }
    }

    @Test("A reminder when every case of the year is ready is recorded, and emails nobody")
    func everyCaseReady() async throws {
        try await withTemporaryDirectory { directory in
            let scenario = try ReminderScenario(directory: directory)
            for caseID in scenario.caseIDs[0...2] { try scenario.finaliseNotification(caseID) }
            scenario.clock.set(Timestamp.parse("2027-03-03T09:00:00Z")!)
            let fired = scenario.tickReminders()
            #expect(fired.map(\.step) == ["four-weeks-before"] && fired.map(\.outcome) == ["alreadyMet"], "\(fired)")
            let pending = try scenario.engine.sqliteStore!.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE stream_id LIKE 'national-return-%'")
            }
            #expect(pending == 0)
        }
    }
}

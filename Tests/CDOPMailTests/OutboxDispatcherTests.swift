import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Synchronization
import Testing

/// A transport whose destination the test changes: the mail server down, then up.
final class SwitchableTransport: MailTransport {
    private let inner: Mutex<any MailTransport>
    init(_ transport: any MailTransport) { inner = Mutex(transport) }
    func switchTo(_ transport: any MailTransport) { inner.withLock { $0 = transport } }
    func send(_ message: RenderedMail, envelope: MailEnvelope) async throws(MailTransportError) -> MailDeliveryReceipt {
        let transport = inner.withLock { $0 }
        return try await transport.send(message, envelope: envelope)
    }
}

/// A case with a Form B requested from one agency, on an engine at a test clock, with the shipped templates.
struct OutboxScenario {
    static let forenames = "Zoë-Marie"
    static let surname = "Testchild-Ó'Dowd"
    static let nhs = "9434765919"

    let engine: Engine
    let clock: TestClock
    let caseID: CaseID
    let requestID: FormRequestID
    let templates: [String: EmailTemplate]

    init(databasePath: String, on storage: StorageEngine = .sqlite) throws {
        var configuration = AppConfiguration()
        configuration.databasePath = databasePath
        configuration.baseURL = URL(string: "https://cdop.example.org")!
        try storage.prepare(&configuration)
        clock = TestClock(iso: "2026-03-02T08:00:00Z")
        engine = try Engine(
            configuration: configuration, clock: clock, schedules: TestSchedules.catalog,
            linkSecret: Data(repeating: 7, count: 32))
        templates = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().templates
        var random = SeededRandom(seed: 11)
        let today = CalendarDate(year: 2026, month: 3, day: 2)!
        let notification = SyntheticPanel.notification(
            using: &random, died: today.adding(days: -1), notified: today, ageDays: 400, area: "NTH",
            expectation: .expected,
            forenames: Self.forenames, surname: Self.surname, nhs: Self.nhs)
        caseID = try engine.workflow.notify(notification, by: Actor(name: "n", role: "notifier")).caseID
        let agency = AgencyID(UUID())
        let coordinator = Actor(name: "c", role: "coordinator")
        try engine.workflow.execute(
            .recordAgencyInvolved(
                AgencyInvolvement(
                    agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactName: "Dr Jo Example",
                    contactEmail: "jo@northgate.example.nhs.uk")),
            on: caseID, by: coordinator)
        requestID = FormRequestID(UUID())
        try engine.workflow.execute(
            .requestForm(
                requestID: requestID, agencyID: agency, formType: .reporting,
                contactEmail: "jo@northgate.example.nhs.uk", dueDate: today.adding(days: 14), schedule: nil),
            on: caseID, by: coordinator)
    }

    func dispatcher(_ transport: any MailTransport) -> OutboxDispatcher {
        engine.dispatcher(templates: templates, transport: transport)
    }

    func outbox(_ state: String) throws -> [OutboxRow] {
        try engine.store.snapshot { db in try OutboxQueries.list(state: state, in: db) }
    }

    func caseEvents() throws -> [CaseEvent] {
        try engine.store.readStream(caseID.streamID).map { try $0.decoded(as: CaseEvent.self) }
    }
}

/// The outbox's contract, held on each storage engine.
@Suite("The outbox dispatcher against a real SMTP server")
struct OutboxDispatcherTests {
    @Test(
        "A Form B request sends one email with the case reference and the secure link, and nothing that identifies the child",
        arguments: StorageEngine.selected)
    func requestEmail(storage: StorageEngine) async throws {
        try await withSMTPServer { server, directory in
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path, on: storage)
            let outcomes = await scenario.dispatcher(SMTPTransport(settings: try server.settings())).dispatchAll()
            #expect(outcomes.map(\.result) == ["sent"], "\(outcomes)")
            let files = try server.receivedFiles()
            #expect(files.count == 1)
            let parsed = try await PythonCheck.parseMail(files, in: directory)[0]
            #expect(parsed.defects == [])
            #expect(parsed.to.map(\.address) == ["jo@northgate.example.nhs.uk"])
            let reference = scenario.caseID.reference
            #expect(parsed.subject?.contains(reference) == true)
            let body = parsed.text ?? ""
            #expect(body.contains(reference))
            // The link's token is the one whose hash the case recorded.
            let token = try #require(body.firstMatch(of: /https:\/\/cdop\.example\.org\/forms\/([A-Za-z0-9_-]{43})/)?.1)
            let hashes = try scenario.caseEvents().compactMap { event -> String? in
                if case .practitionerLinkIssued(let e) = event { return e.tokenHash } else { return nil }
            }
            #expect(hashes == [PractitionerLinks.hash(of: String(token))])
            // No child's name, date of birth or NHS number anywhere in the message.
            let raw = try String(contentsOf: files[0], encoding: .utf8)
            let born = try #require(
                try scenario.engine.workflow.caseState(scenario.caseID).notification?.child.dateOfBirth)
            for secret in [
                "Zoë", "Zoe", "Testchild", "Dowd", OutboxScenario.nhs, "943 476 5919", born.iso,
                DayFormatter.long(born),
            ] {
                #expect(!raw.contains(secret) && !(body.contains(secret)), "the email contains \(secret)")
            }
            #expect(try scenario.outbox("sent").count == 1)
            #expect(try scenario.caseEvents().contains { if case .emailSent = $0 { true } else { false } })
            // Dispatching again sends nothing more.
            #expect(await scenario.dispatcher(SMTPTransport(settings: try server.settings())).dispatchAll().isEmpty)
        }
    }

    @Test(
        "With the mail server down the email waits and backs off, and goes once the server is up",
        arguments: StorageEngine.selected)
    func serverDownThenUp(storage: StorageEngine) async throws {
        try await withSMTPServer { server, directory in
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path, on: storage)
            let down = try SMTPSettings(
                url: SMTPServerURL("smtp://127.0.0.1:\(try closedLoopbackPort())"), startTLS: .off,
                connectTimeout: .seconds(2))
            let transport = SwitchableTransport(SMTPTransport(settings: down))
            let dispatcher = scenario.dispatcher(transport)
            #expect(await dispatcher.dispatchAll().map(\.result) == ["retry"])
            #expect(await dispatcher.dispatchAll().isEmpty, "retried before its backoff")
            scenario.clock.advance(minutes: 1)
            #expect(await dispatcher.dispatchAll().map(\.result) == ["retry"])
            transport.switchTo(SMTPTransport(settings: try server.settings()))
            scenario.clock.advance(minutes: 2)
            #expect(await dispatcher.dispatchAll().map(\.result) == ["sent"])
            #expect(try server.receivedFiles().count == 1)
            let sent = try scenario.caseEvents().compactMap { event -> Int? in
                if case .emailSent(let e) = event { return e.attempts } else { return nil }
            }
            #expect(sent == [3])
        }
    }

    @Test(
        "A 451 answer is retried and then delivered, once",
        arguments: StorageEngine.selected)
    func deferredThenDelivered(storage: StorageEngine) async throws {
        try await withSMTPServer(.init(replies: ["RCPT:451:1"])) { server, directory in
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path, on: storage)
            let dispatcher = scenario.dispatcher(SMTPTransport(settings: try server.settings()))
            #expect(await dispatcher.dispatchAll().map(\.result) == ["retry"])
            scenario.clock.advance(minutes: 1)
            #expect(await dispatcher.dispatchAll().map(\.result) == ["sent"])
            #expect(try server.receivedFiles().count == 1)
        }
    }

    @Test(
        "A 550 answer is a dead letter: an event on the case, an alert to the coordinator, and no further attempts",
        arguments: StorageEngine.selected)
    func rejectedIsDeadLetter(storage: StorageEngine) async throws {
        try await withSMTPServer(.init(replies: ["RCPT:550"])) { server, directory in
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path, on: storage)
            let dispatcher = scenario.dispatcher(SMTPTransport(settings: try server.settings()))
            let first = await dispatcher.dispatchAll()
            // The request fails; the coordinator's alert about it is then tried (and, on this server, fails too,
            // without raising an alert about the alert).
            #expect(first.map(\.template) == ["request", "delivery-failure"], "\(first)")
            #expect(first.allSatisfy { $0.result == "failed" })
            let failures = try scenario.caseEvents().compactMap { event -> EmailDeliveryFailed? in
                if case .emailDeliveryFailed(let e) = event { return e } else { return nil }
            }
            #expect(failures.map(\.template) == ["request", "delivery-failure"])
            #expect(failures.first?.reason.contains("550") == true)
            let attemptsBefore = try server.events().filter { $0.event == "refused" || $0.event == "message" }.count
            scenario.clock.advance(days: 2)
            #expect(await dispatcher.dispatchAll().isEmpty)
            #expect(
                try server.events().filter { $0.event == "refused" || $0.event == "message" }.count == attemptsBefore)
            #expect(try scenario.outbox("failed").count == 2)
        }
    }

    @Test(
        "A reminder fired by the scheduler goes to the agency's contact with the same secure link",
        arguments: StorageEngine.selected)
    func reminderEmail(storage: StorageEngine) async throws {
        try await withSMTPServer { server, directory in
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path, on: storage)
            let dispatcher = scenario.dispatcher(SMTPTransport(settings: try server.settings()))
            _ = await dispatcher.dispatchAll()
            scenario.clock.advance(days: 10, hours: 2)
            #expect(scenario.engine.scheduler.tick().fired.map(\.step) == ["reminder"])
            #expect(await dispatcher.dispatchAll().map(\.template) == ["reminder"])
            let files = try server.receivedFiles().sorted { $0.path < $1.path }
            #expect(files.count == 2)
            let parsed = try await PythonCheck.parseMail(files, in: directory)
            let links = parsed.compactMap { $0.text?.firstMatch(of: /\/forms\/([A-Za-z0-9_-]{43})/)?.1 }.map(
                String.init)
            #expect(links.count == 2 && Set(links).count == 1, "the reminder carries the request's own link")
            #expect(parsed.contains { $0.subject?.hasPrefix("Reminder") == true })
        }
    }
}

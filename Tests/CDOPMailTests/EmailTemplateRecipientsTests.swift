import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

@Suite("Every email template, filled for every recipient it goes to")
struct EmailTemplateRecipientsTests {
    /// A case through the shipped schedules: an unexpected death (rapid-response targets to the doctor and the
    /// coordinator), a Form B chased to the doctor and the chair, a reminder sent now, a new contact, a
    /// withdrawal, and failed emails to an agency and to the designated doctor.
    @Test(
        "Every email a long case calls for fills its template with no missing value, whoever it goes to; a failure alert about an internal email names its recipient"
    )
    func everyCaseEmailFills() async throws {
        try await withTemporaryDirectory { directory in try Self.everyCaseEmail(directory) }
    }

    static func everyCaseEmail(_ directory: TemporaryDirectory) throws {
        do {
            let definitions = try DefinitionSet.load(from: BuiltProducts.packageRoot).get()
            var configuration = AppConfiguration()
            configuration.databasePath = directory.file("cdop.sqlite").path
            configuration.baseURL = URL(string: "https://cdop.example.org")!
            let clock = TestClock(iso: "2026-03-02T08:00:00Z")
            let engine = try Engine(
                configuration: configuration, clock: clock, schedules: DeclaredSchedules(definitions),
                linkSecret: Data(repeating: 7, count: 32))
            let workflow = engine.workflow
            var random = SeededRandom(seed: 5)
            let today = CalendarDate(year: 2026, month: 3, day: 2)!
            let notification = SyntheticPanel.notification(
                using: &random, died: today.adding(days: -1), notified: today, ageDays: 300, area: "NTH",
                expectation: .unexpected,
                forenames: "Ada", surname: "Testchild", nhs: "9434765919")
            let caseID = try workflow.notify(
                notification, by: Actor(name: "n", role: "notifier"), alertCoordinator: true
            ).caseID
            let coordinator = Actor(name: "c", role: "coordinator")
            try workflow.execute(
                .triage(expectation: .unexpected, confirmedBy: "Dr D", triggers: [.suddenNoApparentCause]), on: caseID,
                by: Actor(name: "d", role: "designatedDoctor"))
            let (gp, hv) = (AgencyID(UUID()), AgencyID(UUID()))
            for (agency, name, email) in [
                (gp, "Northgate Surgery", "jo@northgate.example.nhs.uk"),
                (hv, "Riverside HV", "sam@riverside.example.nhs.uk"),
            ] {
                try workflow.execute(
                    .recordAgencyInvolved(
                        AgencyInvolvement(
                            agencyID: agency, agencyName: name, kind: .gp, contactName: "Jo Example",
                            contactEmail: email)),
                    on: caseID, by: coordinator)
            }
            let chased = FormRequestID(UUID())
            let withdrawn = FormRequestID(UUID())
            for (id, agency, email) in [
                (chased, gp, "jo@northgate.example.nhs.uk"), (withdrawn, hv, "sam@riverside.example.nhs.uk"),
            ] {
                try workflow.execute(
                    .requestForm(
                        requestID: id, agencyID: agency, formType: .reporting, contactEmail: email,
                        dueDate: today.adding(days: 14), schedule: nil),
                    on: caseID, by: coordinator)
            }
            try workflow.execute(.sendReminderNow(requestID: chased), on: caseID, by: coordinator)
            try workflow.execute(
                .changeFormContact(requestID: chased, contactEmail: "new@northgate.example.nhs.uk"), on: caseID,
                by: coordinator)
            try workflow.execute(
                .withdrawFormRequest(requestID: withdrawn, reason: "Asked in error"), on: caseID, by: coordinator)
            for _ in 0..<45 {
                clock.advance(days: 1)
                _ = engine.scheduler.tick()
            }
            var rows = try engine.sqliteStore!.read { db in try OutboxQueries.list(state: "pending", in: db) }.filter {
                $0.caseID == caseID.description
            }
            let doctorRow = try #require(
                rows.first { $0.recipientRole == "designated doctor" }, "\(rows.map(\.template))")
            let agencyRow = try #require(rows.first { $0.template == "request" && $0.recipientAddress != nil })
            for row in [doctorRow, agencyRow] {
                try workflow.execute(
                    .recordEmailFailed(
                        EmailOutcome(
                            outboxID: row.outboxID, messageID: "m-\(row.outboxID)", template: row.template,
                            recipientRole: row.recipientRole, route: "smtp", attempts: 3),
                        reason: "550 mailbox unavailable"),
                    on: caseID, by: Actor(name: "mail", role: "system"))
            }
            let before = rows
            let alerts = try engine.sqliteStore!.read { db in try OutboxQueries.list(state: "pending", in: db) }
                .filter { $0.caseID == caseID.description && $0.template == "delivery-failure" }
            rows = before + alerts
            let composer = EmailComposer(
                templates: definitions.templates, configuration: configuration, links: workflow.links!)
            let state = try workflow.caseState(caseID)
            var subjects: [String: String] = [:]
            for row in rows {
                do {
                    let message = try composer.compose(row, state: state, now: clock.now())
                    subjects[row.outboxID] = message.subject
                    #expect(message.subject.first?.isUppercase == true, "\(message.subject)")
                    #expect(!message.textBody.contains(" The CDOP coordinator"), "\(row.template): \(message.textBody)")
                    #expect(
                        !message.textBody.contains("Testchild") && !message.subject.contains("Testchild"),
                        "\(row.template) names the child")
                } catch {
                    Issue.record("\(row.template) to the \(row.recipientRole): \(error)")
                }
            }
            let pairs = Set(rows.map { "\($0.template) → \($0.recipientRole)" })
            for expected in [
                "request → agency contact", "reminder → agency contact", "final-reminder → agency contact",
                "request-withdrawn → agency contact", "escalation → coordinator", "escalation → designated doctor",
                "escalation → panel chair", "delivery-failure → coordinator", "new-notification → coordinator",
            ] {
                #expect(pairs.contains(expected), "no \(expected) among \(pairs.sorted())")
            }
            #expect(pairs.contains { $0.hasPrefix("target-") }, "no target email among \(pairs.sorted())")
            let doctorAlert = try #require(subjects["failure:" + doctorRow.outboxID])
            #expect(doctorAlert.hasPrefix("Email not delivered"))
            let alertRow = try #require(rows.first { $0.outboxID == "failure:" + doctorRow.outboxID })
            let body = try composer.compose(alertRow, state: state, now: clock.now()).textBody
            #expect(body.contains("could not be delivered to the designated doctor"), "\(body)")
            let request = try #require(
                rows.first { $0.template == "request" && $0.recipientAddress == "new@northgate.example.nhs.uk" })
            #expect(try composer.compose(request, state: state, now: clock.now()).subject.hasPrefix("Form B requested"))
        }
    }

    @Test(
        "A moved meeting's update reads \"Moved: … now on … (was …)\", a cancellation \"Cancelled: …\", and a title naming the case is not followed by its reference again"
    )
    func meetingSubjects() async throws {
        try await withTemporaryDirectory { directory in try Self.meetingSubjects(directory) }
    }

    static func meetingSubjects(_ directory: TemporaryDirectory) throws {
        do {
            let scenario = try OutboxScenario(databasePath: directory.file("cdop.sqlite").path)
            let workflow = scenario.engine.workflow
            let doctor = Actor(name: "dr.designate", role: "designatedDoctor")
            let reference = scenario.caseID.reference
            let start = ISO8601DateFormatter().date(from: "2026-10-28T14:00:00Z")!
            try workflow.execute(
                .triage(expectation: .unexpected, confirmedBy: "Dr Designate", triggers: [.suddenNoApparentCause]),
                on: scenario.caseID, by: doctor)
            let meetingID = try workflow.conveneRapidResponse(
                for: scenario.caseID, scheduledFor: start,
                invitees: [Invitee(name: "DS Sam Police", email: "sam.police@police.example.org", role: .police)],
                by: doctor
            ) { id in
                .schedule(
                    meetingID: id, type: .rapidResponse, title: "Rapid-response meeting \(reference)", startsAt: start,
                    endsAt: start.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 4"), theme: nil)
            }
            let composer = EmailComposer(
                templates: scenario.templates, configuration: scenario.engine.configuration, links: workflow.links!)
            func subjects() throws -> [String] {
                let state = try workflow.meetingState(meetingID)
                return try scenario.engine.sqliteStore!.read { db in try OutboxQueries.list(state: "pending", in: db) }
                    .filter { $0.streamID == meetingID.streamID }
                    .map { try composer.composeMeeting($0, state: state, now: start).subject }
            }
            let invitation = try #require(try subjects().first)
            #expect(invitation.hasPrefix("Invitation: Rapid-response meeting \(reference)"), "\(invitation)")
            #expect(invitation.components(separatedBy: reference).count == 2, "the reference once: \(invitation)")
            let moved = start.addingTimeInterval(86_400)
            try workflow.execute(
                .reschedule(
                    startsAt: moved, endsAt: moved.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 4")),
                on: meetingID, by: doctor)
            let update = try #require(try subjects().first)
            #expect(
                update
                    == "Moved: Rapid-response meeting \(reference) now on \(DayFormatter.dayAndTime(moved)) (was \(DayFormatter.dayAndTime(start)))",
                "\(update)")
            try workflow.execute(.cancel(reason: "Superseded"), on: meetingID, by: doctor)
            let cancelled = try subjects()
            #expect(
                cancelled.contains("Cancelled: Rapid-response meeting \(reference), \(DayFormatter.dayAndTime(moved))"),
                "\(cancelled)")
        }
    }
}

import Foundation
import Testing

@testable import CDOPDomain

@Suite(
    "The coordinator's work on one request: a reminder now, a new contact, a decline with a reason, a withdrawal the agency is told of"
)
struct RequestWorkTests {
    static func emails(_ state: CaseState, _ prefix: String) -> [OutboxEmail] {
        state.outboxEmails.filter { $0.id.hasPrefix(prefix) }
    }

    @Test("A reminder sent now is an email to the request's contact, outside the schedule, once per press")
    func reminderNow() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested())
            .when(.sendReminderNow(requestID: Sample.request1))
        #expect(then.events?.first?.summary == "Reminder sent now to Northgate Surgery")
        let reminders = Self.emails(then.state, "reminder-now:")
        #expect(reminders.count == 1)
        #expect(reminders.first?.template == "reminder")
        #expect(
            reminders.first?.recipient == .agencyContact(email: "lead@gp.example.org", agencyName: "Northgate Surgery"))
        #expect(reminders.first?.state == .pending)
    }

    @Test("A request that is no longer outstanding cannot be reminded")
    func reminderRefusedWhenAnswered() throws {
        let declined = try history(
            CaseDecider.self,
            [.recordDecline(requestID: Sample.request1, reason: "Not known to us", declaredBy: "Records")],
            from: try Story.gpRequested())
        Given(CaseDecider.self, declined).when(.sendReminderNow(requestID: Sample.request1))
            .thenRejected("formRequest.notOutstanding")
    }

    @Test("Changing the contact sends the request to the new contact and cancels an unsent email to the old one")
    func changeContact() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested())
            .when(.changeFormContact(requestID: Sample.request1, contactEmail: "new.contact@gp.example.org"))
        let request = try #require(then.state.request(Sample.request1))
        #expect(request.contactEmail == "new.contact@gp.example.org")
        let first = try #require(then.state.outboxEmails.first { $0.id == "request:\(Sample.request1)" })
        #expect(first.recipient == .agencyContact(email: "lead@gp.example.org", agencyName: "Northgate Surgery"))
        #expect(first.state == .cancelled)
        let again = Self.emails(then.state, "request:\(Sample.request1):contact-")
        #expect(
            again.map(\.recipient) == [
                .agencyContact(email: "new.contact@gp.example.org", agencyName: "Northgate Surgery")
            ])
        #expect(again.first?.state == .pending)
    }

    @Test("A new contact must be a deliverable address different from the current one")
    func changeContactRefusals() throws {
        Given(CaseDecider.self, try Story.gpRequested())
            .when(.changeFormContact(requestID: Sample.request1, contactEmail: "lead@gp.example.org"))
            .thenRejected("formRequest.sameContact")
        Given(CaseDecider.self, try Story.gpRequested())
            .when(.changeFormContact(requestID: Sample.request1, contactEmail: "not an address"))
            .thenRejected("input.invalidEmail")
    }

    @Test("A decline with a reason answers the request, keeps the reason and stops its chasing")
    func declineWithReason() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested())
            .when(
                .recordDecline(
                    requestID: Sample.request1, reason: "The agency did not know the child",
                    declaredBy: "Northgate Surgery"))
        let request = try #require(then.state.request(Sample.request1))
        #expect(request.status == .declined)
        #expect(request.declineReason == "The agency did not know the child")
        #expect(then.events?.first?.summary == "Northgate Surgery declined: The agency did not know the child")
        Given(CaseDecider.self, try Story.gpRequested())
            .when(.recordDecline(requestID: Sample.request1, reason: " ", declaredBy: "Northgate Surgery"))
            .thenRejected("input.reasonMissing")
    }

    @Test("A withdrawal calls for an email telling the agency's contact")
    func withdrawalTellsTheAgency() throws {
        let then = Given(CaseDecider.self, try Story.gpRequested())
            .when(.withdrawFormRequest(requestID: Sample.request1, reason: "Sent to the wrong practice"))
        let notices = Self.emails(then.state, "withdrawn:")
        #expect(notices.map(\.template) == ["request-withdrawn"])
        #expect(
            notices.first?.recipient == .agencyContact(email: "lead@gp.example.org", agencyName: "Northgate Surgery"))
        #expect(notices.first?.state == .pending)
    }

    @Test(
        "A notification from the public form calls for one email to the coordinator, naming the case by its reference only"
    )
    func coordinatorAlerted() throws {
        let then = Given(CaseDecider.self, try Story.notified()).when(.alertCoordinator)
        let alerts = Self.emails(then.state, "notified")
        #expect(alerts.map(\.template) == ["new-notification"])
        #expect(alerts.first?.recipient == .role(.coordinator))
        let again = try history(CaseDecider.self, [.alertCoordinator], from: try Story.notified())
        Given(CaseDecider.self, again).when(.alertCoordinator).then([])
    }
}

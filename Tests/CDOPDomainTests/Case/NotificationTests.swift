import Foundation
import Testing

@testable import CDOPDomain

@Suite("A notification opens a case")
struct NotificationTests {
    @Test("A valid notification opens a case in the child's area of residence, with the NHS number and postcode tidied")
    func opensCase() throws {
        let then = Given(CaseDecider.self, []).when(Sample.notify)
        let events = then.thenAccepted()
        #expect(events.count == 1)
        guard case .notificationReceived(let e) = events.first else {
            Issue.record("not a notification")
            return
        }
        #expect(e.caseID == Sample.caseID)
        #expect(e.areaCode == "E06000901")
        #expect(e.residentInPanelArea)
        #expect(e.notification.child.nhsNumber == .known(NHSNumber("9434765919")))
        #expect(e.notification.child.address?.postcode == "ZZ99 1AA")
        #expect(e.at == Sample.now)
        #expect(then.state.stage == .notified)
        #expect(then.state.exists)
        #expect(e.summary == "Death notified by Sam Notifier (Paramedic, Northshire Ambulance Service) on 3 May 2026")
    }

    struct BadNotification: Sendable, CustomTestStringConvertible {
        let name: String
        let notification: DeathNotification
        let code: String
        let message: String?
        var testDescription: String { name }
    }

    static let badNotifications: [BadNotification] = [
        BadNotification(
            name: "date of birth after date of death",
            notification: Sample.notification(born: Sample.day(2026, 5, 5)), code: "notification.dateOfBirthAfterDeath",
            message: "The date of birth (5 May 2026) is after the date of death (3 May 2026)."),
        BadNotification(
            name: "18th birthday on the day of death",
            notification: Sample.notification(born: Sample.day(2008, 5, 3)), code: "notification.ageEighteenOrOver",
            message:
                "The child was 18 at death (date of birth 3 May 2008, date of death 3 May 2026); child death reviews cover children under 18."
        ),
        BadNotification(
            name: "aged 19", notification: Sample.notification(born: Sample.day(2007, 1, 1)),
            code: "notification.ageEighteenOrOver", message: nil),
        BadNotification(
            name: "death after the notification date",
            notification: Sample.notification(notified: Sample.day(2026, 5, 1)),
            code: "notification.dateOfDeathAfterNotification",
            message: "The date of death (3 May 2026) is after the date of notification (1 May 2026)."),
        BadNotification(
            name: "NHS number with a wrong check digit",
            notification: Sample.notification(nhs: .known(NHSNumber("943 476 5918"))),
            code: "notification.nhsNumberCheckDigit",
            message:
                "The NHS number (943 476 5918) is not valid: its check digit does not match. Please check it was typed correctly."
        ),
        BadNotification(
            name: "NHS number too short", notification: Sample.notification(nhs: .known(NHSNumber("94347659"))),
            code: "notification.nhsNumberMalformed", message: "The NHS number (94347659) must have 10 digits."),
        BadNotification(
            name: "no surname", notification: Sample.notification(surname: "  "), code: "notification.surnameMissing",
            message: "The child's surname is required but was left empty."),
        BadNotification(
            name: "an area the panel does not cover", notification: Sample.notification(residence: "E09000001"),
            code: "notification.unknownArea", message: nil),
        BadNotification(
            name: "notification dated in the future",
            notification: Sample.notification(notified: Sample.day(2026, 6, 2)), code: "input.dateInFuture",
            message: "The date of notification (2 June 2026) is after today (1 June 2026)."),
    ]

    @Test(
        "A notification with bad input is refused with a message naming the field and value",
        arguments: badNotifications)
    func refusesBadInput(_ bad: BadNotification) {
        let error = Given(CaseDecider.self, [])
            .when(.notify(caseID: Sample.caseID, notification: bad.notification, possibleDuplicateOf: nil))
            .thenRejected(bad.code)
        if let message = bad.message { #expect(error?.description == message) }
    }

    @Test("A child one day short of 18 at death is in scope")
    func seventeenIsInScope() {
        let n = Sample.notification(born: Sample.day(2008, 5, 4))
        let events = Given(CaseDecider.self, []).when(
            .notify(caseID: Sample.caseID, notification: n, possibleDuplicateOf: nil)
        )
        .thenAccepted()
        #expect(events.count == 1)
    }

    @Test("A postcode that is not a UK postcode is refused, naming it")
    func badPostcode() {
        var n = Sample.notification()
        n.child.address = Address(lines: ["1 Example Row"], postcode: "12345")
        let error = Given(CaseDecider.self, []).when(
            .notify(caseID: Sample.caseID, notification: n, possibleDuplicateOf: nil)
        )
        .thenRejected("notification.postcodeInvalid")
        #expect(error?.description.contains("12345") == true)
    }

    @Test("Notifying a case that already exists is refused")
    func notifyTwice() throws {
        Given(CaseDecider.self, try Story.notified()).when(Sample.notify).thenRejected("case.alreadyExists")
    }

    static let commandsNeedingACase: [CaseCommand] = [
        Sample.triageUnexpected, .markReadyForPanel, .close(reason: "Review complete"),
        .reopen(reason: "new information"),
        .issueReminder(requestID: Sample.request1, step: 1, kind: .reminder),
        .recordAgencyInvolved(Sample.gpInvolvement), .confirmDuplicate(primary: Sample.otherCaseID),
    ]

    @Test("Any command on a case that does not exist is refused", arguments: commandsNeedingACase)
    func commandWithoutCase(_ command: CaseCommand) {
        Given(CaseDecider.self, []).when(command).thenRejected("case.notFound")
    }

    @Test("A death outside the panel's areas is recorded as out of scope, not dropped")
    func outsideAreas() {
        let n = Sample.notification(residence: nil, areaOfDeath: nil)
        let then = Given(CaseDecider.self, []).when(
            .notify(caseID: Sample.caseID, notification: n, possibleDuplicateOf: nil))
        let events = then.thenAccepted()
        #expect(events.count == 2)
        guard case .recordedOutOfScope(let e) = events.last else {
            Issue.record("no out-of-scope event")
            return
        }
        #expect(e.reason == .notInPanelArea)
        #expect(then.state.stage == .outOfScope)
        #expect(then.state.stage?.countsForPanel == false)
        #expect(then.state.notification != nil)
    }

    @Test("An attended stillbirth is recorded as out of scope because the child was not born alive")
    func stillbirth() {
        let n = Sample.notification(born: Sample.dateOfDeath, birthStatus: .stillbirth)
        let then = Given(CaseDecider.self, []).when(
            .notify(caseID: Sample.caseID, notification: n, possibleDuplicateOf: nil))
        #expect(then.state.outOfScope == .notLiveBorn)
    }

    @Test("An out-of-scope case refuses review steps but can be transferred")
    func outOfScopeCanOnlyTransfer() throws {
        let events = try history(
            CaseDecider.self,
            [
                .notify(
                    caseID: Sample.caseID, notification: Sample.notification(residence: nil, areaOfDeath: nil),
                    possibleDuplicateOf: nil)
            ])
        Given(CaseDecider.self, events).when(Sample.triageUnexpected).thenRejected("case.outOfScope")
        let then = Given(CaseDecider.self, events).when(
            .transfer(toPanel: "Farshire CDOP", reason: "Child lived in Farshire"))
        #expect(then.state.stage == .transferred(toPanel: "Farshire CDOP"))
    }

    @Test("A child from another area who died here is in scope under the area of death, and transfers keep the history")
    func transferKeepsHistory() throws {
        let n = Sample.notification(residence: nil, areaOfDeath: "E06000902")
        let events = try history(
            CaseDecider.self,
            [
                .notify(caseID: Sample.caseID, notification: n, possibleDuplicateOf: nil),
                Sample.triageUnexpected, .recordAgencyInvolved(Sample.gpInvolvement), Sample.requestForm(),
            ])
        let notified = CaseDecider.fold(events)
        #expect(notified.areaCode == "E06000902")
        #expect(notified.residentInPanelArea == false)
        let then = Given(CaseDecider.self, events).when(
            .transfer(toPanel: "Farshire CDOP", reason: "Resident in Farshire"))
        let out = then.thenAccepted()
        #expect(out.count == 2)
        guard case .formRequestWithdrawn = out.first, case .transferred = out.last else {
            Issue.record("expected a withdrawal then the transfer")
            return
        }
        #expect(then.state.stage == .transferred(toPanel: "Farshire CDOP"))
        #expect(then.state.stage?.countsForPanel == false)
        #expect(then.state.notification == notified.notification)
        #expect(then.state.triage != nil)
        Given(CaseDecider.self, events + out).when(.markReadyForPanel).thenRejected("case.transferred")
    }

    @Test("A case cannot be transferred to its own panel")
    func transferToSelf() throws {
        Given(CaseDecider.self, try Story.notified())
            .when(.transfer(toPanel: "northshire and riverside cdop", reason: "x")).thenRejected("transfer.samePanel")
    }
}

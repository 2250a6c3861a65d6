import Foundation
import Testing

@testable import CDOPDomain

@Suite("Correcting a notification, and reopening a duplicate decision")
struct NotificationCorrectionTests {
    static func correction(death date: CalendarDate? = nil, nhs: String? = nil, residence: String? = nil)
        -> NotificationCorrection
    {
        var correction = NotificationCorrection()
        if let date {
            var death = NotificationCorrection.Death()
            death.date = date
            correction.death = death
        }
        if let nhs {
            var child = NotificationCorrection.Child()
            child.nhsNumber = .known(NHSNumber(nhs))
            correction.child = child
        }
        correction.residenceAreaCode = residence
        return correction
    }

    @Test("Only the fields given change; the event names each with its value before and after, and the reason")
    func correctsTheFieldsGiven() throws {
        let then = Given(CaseDecider.self, try Story.notified())
            .when(
                .correctNotification(
                    Self.correction(death: Sample.day(2026, 5, 2)), reason: "Hospital record", possibleDuplicateOf: nil)
            )
        guard case .notificationCorrected(let e) = then.thenAccepted().first else {
            Issue.record("no correction")
            return
        }
        #expect(e.changes == [CorrectedField(field: "date of death", from: "2026-05-03", to: "2026-05-02")])
        #expect(
            e.summary == "Notification corrected: date of death, from 2026-05-03 to 2026-05-02. Reason: Hospital record"
        )
        #expect(e.summaryWithoutValues == "Notification corrected: date of death. Reason: Hospital record")
        #expect(then.state.notification?.death.date == Sample.day(2026, 5, 2))
        #expect(then.state.notification?.child.name.surname == "Testchild")
    }

    @Test(
        "A correction is refused without a reason, when it changes nothing, when it breaks the notification's rules, and when it would take the death out of the panel's reviews"
    )
    func refusals() throws {
        let notified = try Story.notified()
        Given(CaseDecider.self, notified)
            .when(
                .correctNotification(
                    Self.correction(death: Sample.day(2026, 5, 2)), reason: " ", possibleDuplicateOf: nil)
            )
            .thenRejected("input.reasonMissing")
        Given(CaseDecider.self, notified)
            .when(
                .correctNotification(
                    Self.correction(death: Sample.day(2026, 5, 3)), reason: "same", possibleDuplicateOf: nil)
            )
            .thenRejected("correction.nothingChanged")
        Given(CaseDecider.self, notified)
            .when(
                .correctNotification(
                    Self.correction(death: Sample.day(2025, 1, 1)), reason: "typo", possibleDuplicateOf: nil)
            )
            .thenRejected("notification.dateOfBirthAfterDeath")
        var outside = Self.correction(residence: "")
        outside.areaOfDeathCode = ""
        Given(CaseDecider.self, notified)
            .when(.correctNotification(outside, reason: "moved", possibleDuplicateOf: nil))
            .thenRejected("correction.outOfScope")
    }

    @Test("A correction that matches another case links it as a possible duplicate")
    func linksADuplicate() throws {
        let then = Given(CaseDecider.self, try Story.notified())
            .when(
                .correctNotification(
                    Self.correction(nhs: "4010232137"), reason: "GP record", possibleDuplicateOf: Sample.otherCaseID))
        _ = then.thenAccepted()
        #expect(then.state.possibleDuplicateOf == Sample.otherCaseID)
    }

    @Test(
        "A different-death decision is reopened with a reason, linking the cases again; with no decision it is refused")
    func reopensADecision() throws {
        let linked = try history(
            CaseDecider.self,
            [
                .notify(
                    caseID: Sample.otherCaseID, notification: Sample.notification(surname: "Testchilde"),
                    possibleDuplicateOf: Sample.caseID)
            ])
        let rejected = try history(CaseDecider.self, [.rejectPossibleDuplicate(reason: "Twins")], from: linked)
        Given(CaseDecider.self, rejected).when(.reopenDuplicateDecision(reason: "")).thenRejected("input.reasonMissing")
        let then = Given(CaseDecider.self, rejected).when(.reopenDuplicateDecision(reason: "Same NHS number"))
        _ = then.thenAccepted()
        #expect(then.state.possibleDuplicateOf == Sample.caseID)
        Given(CaseDecider.self, linked).when(.reopenDuplicateDecision(reason: "why")).thenRejected(
            "duplicate.noDecision")
    }
}

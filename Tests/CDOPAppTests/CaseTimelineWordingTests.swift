import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

@testable import CDOPApp
@testable import CDOPDomain

/// The timeline in a coordinator's words: other cases by reference, schedule steps with the agency they concern,
/// repeated link openings as one line.
@Suite("The timeline in a coordinator's words")
struct CaseTimelineWordingTests {
    @Test(
        "A reached chasing step names the agency: \"Final reminder sent to Health visiting\"; a target step names who is told"
    )
    func stepsInWords() {
        let request = FormRequestID(UUID())
        let reached = ScheduleStepReached(
            schedule: ScheduleReference(id: "form-b-chasing", version: 1), target: .formRequest(request),
            step: "final-reminder",
            action: .remind(step: 2, kind: .finalReminder), template: "final-reminder",
            dueAt: Date(timeIntervalSince1970: 0),
            outcome: .acted, at: Date(timeIntervalSince1970: 0))
        #expect(
            CaseTimeline.words(.scheduleStepReached(reached), agencies: [request: "Health visiting"])
                == "Final reminder sent to Health visiting")
        var target = reached
        target.target = .caseReview
        target.step = "review-meeting-target-missed"
        target.action = .target(name: "child-death-review-meeting", to: [.coordinator, .designatedDoctor])
        #expect(
            CaseTimeline.words(.scheduleStepReached(target), agencies: [:])
                == "Review meeting target missed: the coordinator and the designated doctor told")
        #expect(
            ScheduleStepWords.next("escalate-to-coordinator", agency: "Northgate Surgery")
                == "Escalation to the coordinator about the form from Northgate Surgery")
    }

    @Test("Finalising a returned form names its agency; finalising the notification keeps the event's own words")
    func finalisedInWords() {
        let request = FormRequestID(UUID())
        let at = Date(timeIntervalSince1970: 0)
        #expect(
            CaseTimeline.words(
                .nationalReturnPartFinalised(NationalReturnPartFinalised(part: .request(request), at: at)),
                agencies: [request: "Northgate Surgery"])
                == "The form from Northgate Surgery finalised for the national return")
        #expect(
            CaseTimeline.words(
                .nationalReturnPartReopened(
                    NationalReturnPartReopened(part: .request(request), reason: "Answers to check", at: at)),
                agencies: [request: "Northgate Surgery"])
                == "The finalised form from Northgate Surgery reopened: Answers to check")
        let notification = CaseEvent.nationalReturnPartFinalised(
            NationalReturnPartFinalised(part: .notification, at: at))
        #expect(CaseTimeline.words(notification, agencies: [:]) == nil)
        #expect(notification.payload.summary == "Notification finalised for the national return")
    }

    @Test(
        "Three openings of the same link in a row are one line with a count; the duplicate link names the other case by reference"
    )
    func openingsFoldedAndReferences() throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let second = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let agency = try fixture.involveGP(in: second)
        let request = FormRequestID(UUID())
        try fixture.workflow.execute(
            .requestForm(
                requestID: request, agencyID: agency, formType: .reporting, contactEmail: "lead@gp.example.org",
                dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
            on: second, by: fixture.coordinator)
        for _ in 0..<3 {
            try fixture.workflow.execute(
                .recordFormOpened(requestID: request, view: "page"), on: second, by: fixture.coordinator)
        }
        let lines = try CaseTimeline.entries(of: second, in: fixture.engine.sqliteStore!).map(\.what)
        #expect(
            lines.filter { $0.contains("opened through the link") } == [
                "Form B opened through the link sent to Northgate Surgery (3 times, the last shown)"
            ])
        #expect(lines.first?.hasSuffix("possibly a duplicate of \(first.reference)") == true, "\(lines)")
    }

    @Test("A shortened timeline reads only the latest events, after a line saying how many earlier ones it leaves out")
    func aShortenedTimelineSaysWhatItLeavesOut() throws {
        var fixture = try AppFixture()
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        for reference in ["A-1", "A-2", "A-3"] {
            try fixture.workflow.execute(
                .recordExternalReference(reference: reference, source: "earlier records"), on: caseID,
                by: fixture.coordinator)
        }
        let whole = try CaseTimeline.entries(of: caseID, in: fixture.engine.sqliteStore!)
        let latest = try CaseTimeline.entries(of: caseID, in: fixture.engine.sqliteStore!, latest: 2)
        #expect(latest.count == 3 && latest.dropFirst().map(\.position) == whole.suffix(2).map(\.position))
        #expect(latest.first?.type == "timeline.earlier")
        #expect(latest.first?.what.hasPrefix("\(whole.count - 2) earlier entries are not shown") == true)
        #expect(try CaseTimeline.entries(of: caseID, in: fixture.engine.sqliteStore!, latest: 100) == whole)
        #expect(latest.first?.earlierBefore == Int64(whole.count - 1))

        // Paging back: the one entry before the last two, between a line for the earlier and one for the later.
        let version = try fixture.engine.store.streamVersion(of: caseID.streamID)
        #expect(Int(version) == whole.count, "one entry an event here")
        let page = try CaseTimeline.entries(of: caseID, in: fixture.engine.sqliteStore!, latest: 1, before: version - 1)
        #expect(page.dropFirst().dropLast().map(\.position) == whole.dropLast(2).suffix(1).map(\.position))
        #expect(page.first?.earlierBefore == version - 2)
        #expect(page.last?.type == "timeline.later" && page.last?.laterAfter == version - 2)
        #expect(page.last?.what == "2 later entries are not shown here.")
    }
}

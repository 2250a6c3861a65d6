import Foundation
import Testing

@testable import CDOPDomain

/// The retention schedule: from a case's closing, the period its personal data is kept; at its end erasure of
/// everyone the case names is asked for, and waits for two people's approval.
@Suite("The retention period of a closed case")
struct RetentionScheduleTests {
    static let retention = ScheduleDefinition(
        id: "retention", version: 1, title: "Retention", start: .caseClosed, stoppedBy: [.caseReopened],
        steps: [
            ScheduleStep(
                name: "retention-period-ended", after: Offset(10, .years), action: .requestErasure(to: [.coordinator]),
                template: "erasure-requested")
        ])

    /// A closed case whose retention period started `yearsAgo` years (and a day) before `Sample.now`.
    func closed(yearsAgo: Int = 10, closure: Int = 1) throws -> [CaseEvent] {
        let start = LondonTime.instant(
            on: LondonTime.day(of: Sample.now).adding(years: -yearsAgo).adding(days: -1),
            at: TimeOfDay(hour: 12, minute: 0)!)
        let definition = Self.retention
        return try history(
            CaseDecider.self,
            [
                .startSchedule(
                    ScheduleStart(
                        definition: definition, target: .retention(closure: closure),
                        steps: try definition.plan(startingAt: start, calendar: Sample.calendar)))
            ],
            from: Story.closed())
    }

    let reach = CaseCommand.reachScheduleStep(
        target: .retention(closure: 1), scheduleID: "retention", step: "retention-period-ended")

    @Test("Closing a case starts its retention period, numbered by the reopenings before it; reopening stops it")
    func closingStartsAndReopeningStops() throws {
        let closed = try Story.closed()
        let closing = try #require(closed.last)
        #expect(ScheduleTriggers.start(for: closing, retentionPeriods: 0)?.start == .caseClosed)
        #expect(ScheduleTriggers.start(for: closing, retentionPeriods: 0)?.target == .retention(closure: 1))
        #expect(ScheduleTriggers.start(for: closing, retentionPeriods: 2)?.target == .retention(closure: 3))
        #expect(ScheduleTarget(key: "retention:3") == .retention(closure: 3))
        #expect(ScheduleTarget(key: "retention:0") == nil)

        let reopened = try history(CaseDecider.self, [.reopen(reason: "New information")], from: self.closed())
        #expect(CaseDecider.fold(reopened).timers.allSatisfy { $0.state == .cancelled })
        Given(CaseDecider.self, reopened).when(reach).then([])
    }

    @Test(
        "A case leaving the panel (transferred, out of scope, a confirmed duplicate) starts its retention period too, and its end is acted on there"
    )
    func leavingThePanelStartsIt() throws {
        let transferred = try history(
            CaseDecider.self, [.transfer(toPanel: "Westshire CDOP", reason: "Resident in Westshire")],
            from: Story.notified())
        #expect(ScheduleTriggers.start(for: transferred.last!, retentionPeriods: 0)?.start == .caseClosed)
        #expect(try Story.notified().allSatisfy { !ScheduleTriggers.endsTheCase($0) })
    }

    @Test("At the end of the period erasure of everyone the case names is asked for, awaiting two approvals, once")
    func endOfPeriodAsksForErasure() throws {
        let events = try closed()
        let reached = Given(CaseDecider.self, events).when(reach).thenAccepted()
        #expect(reached.map(\.typeName) == ["case.scheduleStepReached.v1", "case.erasureRequested.v1"])
        guard case .erasureRequested(let requested) = reached.last else { return }
        #expect(requested.roles.isEmpty)
        #expect(requested.requestedBy == ErasureRequested.scheduleName && !requested.requestedByPerson)
        #expect(requested.reason.contains("retention period after the case closed on"), "\(requested.reason)")
        let state = CaseDecider.fold(events + reached)
        #expect(state.erasureApproval?.approvedBy == [])
        #expect(
            state.outboxEmails.contains { $0.template == "erasure-requested" && $0.recipient == .role(.coordinator) })
        Given(CaseDecider.self, events + reached).when(reach).then([])
    }

    @Test("Before the period ends nothing is asked for: the step is refused, naming when it falls")
    func beforeTheEnd() throws {
        let error = Given(CaseDecider.self, try closed(yearsAgo: 9)).when(reach).thenRejected("schedule.stepNotDue")
        #expect(error?.description.contains("not due until") == true)
    }

    @Test("An erasure already awaiting approval is not asked for again: the step is met and nobody is told")
    func alreadyAwaiting() throws {
        let events = try history(
            CaseDecider.self, [.requestErasure(roles: ["child"], reason: "Request SAR-7", by: "ada.admin")],
            from: closed())
        let reached = Given(CaseDecider.self, events).when(reach).thenAccepted()
        guard case .scheduleStepReached(let step) = try #require(reached.first) else { return }
        #expect(reached.count == 1 && step.outcome == .alreadyMet)
        #expect(!CaseDecider.fold(events + reached).outboxEmails.contains { $0.template == "erasure-requested" })
    }

    @Test("A period of years falls on the same day of the month, 29 February on 28 February")
    func yearsFallOnTheSameDay() throws {
        let leap = try #require(CalendarDate(year: 2028, month: 2, day: 29))
        #expect(leap.adding(years: 1) == CalendarDate(year: 2029, month: 2, day: 28))
        #expect(leap.adding(years: 4) == CalendarDate(year: 2032, month: 2, day: 29))
        #expect(Offset(text: "1 year") == Offset(1, .years))
        #expect(Offset(text: "8 years")?.description == "8 years")
    }
}

import Foundation
import Testing

@testable import CDOPDomain

@Suite("Schedules on a case")
struct ScheduleRulesTests {
    /// A case with a Form B requested from the GP and its chasing schedule started 40 days ago.
    func chasing(daysAgo: Int = 40) throws -> [CaseEvent] {
        try history(
            CaseDecider.self,
            [
                .recordAgencyInvolved(Sample.gpInvolvement), Sample.requestForm(),
                .startSchedule(Sample.startFormB(Sample.request1, daysAgo: daysAgo)),
            ],
            from: Story.triagedUnexpected())
    }

    func state(_ events: [CaseEvent]) -> CaseState { CaseDecider.fold(events) }

    @Test("Starting the same schedule again for the same request starts nothing")
    func startIsIdempotent() throws {
        Given(CaseDecider.self, try chasing()).when(.startSchedule(Sample.startFormB(Sample.request1))).then([])
    }

    @Test("A schedule cannot chase a request the case does not have")
    func unknownRequest() throws {
        _ = Given(CaseDecider.self, try Story.triagedUnexpected())
            .when(.startSchedule(Sample.startFormB(Sample.request2))).thenRejected("formRequest.notFound")
    }

    @Test("A reminder step issues the reminder once; the same step again does nothing")
    func reminderOnce() throws {
        let events = try chasing()
        let first = Given(CaseDecider.self, events)
            .when(
                .reachScheduleStep(
                    target: .formRequest(Sample.request1), scheduleID: "form-b-chasing", step: "reminder")
            )
            .thenAccepted()
        #expect(first.map(\.typeName) == ["case.scheduleStepReached.v1", "case.formReminderIssued.v1"])
        Given(CaseDecider.self, events + first)
            .when(
                .reachScheduleStep(
                    target: .formRequest(Sample.request1), scheduleID: "form-b-chasing", step: "reminder")
            )
            .then([])
    }

    @Test("A step whose time has not come is refused, naming when it is due")
    func notDueIsRefused() throws {
        let error = Given(CaseDecider.self, try chasing(daysAgo: 2))
            .when(
                .reachScheduleStep(
                    target: .formRequest(Sample.request1), scheduleID: "form-b-chasing", step: "escalate-to-coordinator"
                )
            )
            .thenRejected("schedule.stepNotDue")
        #expect(error?.description.contains("not due until") == true)
    }

    @Test("Returning the form stops its schedule: every later step is cancelled and reaching one does nothing")
    func returnStops() throws {
        let returned = try history(
            CaseDecider.self,
            [
                .recordFormReturned(
                    requestID: Sample.request1, definition: FormDefinitionReference(id: "reporting", version: 1),
                    answers: [:], submittedBy: "GP")
            ],
            from: chasing())
        #expect(state(returned).timers.allSatisfy { $0.state == .cancelled })
        Given(CaseDecider.self, returned)
            .when(
                .reachScheduleStep(
                    target: .formRequest(Sample.request1), scheduleID: "form-b-chasing", step: "reminder")
            )
            .then([])
    }

    @Test("A stop for another request leaves this request's schedule running")
    func otherRequestsStopDoesNotApply() throws {
        let events = try history(
            CaseDecider.self,
            [
                .recordAgencyInvolved(Sample.policeInvolvement),
                Sample.requestForm(Sample.request2, from: Sample.police),
                .recordNoInformationHeld(requestID: Sample.request2, declaredBy: "Police"),
            ],
            from: chasing())
        #expect(state(events).timers.allSatisfy { $0.state == .pending })
    }

    @Test("A target step whose purpose is already met is recorded as already met, telling nobody")
    func targetAlreadyMet() throws {
        let definition = ScheduleDefinition(
            id: "rapid-response", version: 1, title: "Rapid response targets", start: .rapidResponseOpened,
            stoppedBy: [.rapidResponseCompleted],
            steps: [
                ScheduleStep(
                    name: "jar-target", after: Offset(0, .hours),
                    action: .target(name: "jar-meeting", to: [.designatedDoctor]))
            ])
        let start = ScheduleStart(
            definition: definition, target: .rapidResponse,
            steps: try definition.plan(startingAt: Sample.now.addingTimeInterval(-3600), calendar: Sample.calendar))
        let held = try history(
            CaseDecider.self,
            [
                .conveneRapidResponse(meetingID: Sample.jarMeeting, scheduledFor: Sample.now.addingTimeInterval(-7200)),
                .recordRapidResponseMeetingHeld(
                    meetingID: Sample.jarMeeting, heldAt: Sample.now.addingTimeInterval(-3600)),
                .startSchedule(start),
            ],
            from: Story.triagedUnexpected())
        let reached = Given(CaseDecider.self, held)
            .when(.reachScheduleStep(target: .rapidResponse, scheduleID: "rapid-response", step: "jar-target"))
            .thenAccepted()
        guard case .scheduleStepReached(let step) = reached.first else {
            Issue.record("no step")
            return
        }
        #expect(step.outcome == .alreadyMet)
    }

    @Test("A schedule that pauses for external processes is paused while one is open and later by the days it lasted")
    func pausesShiftDueTimes() throws {
        var definition = ScheduleDefinition(
            id: "case-review", version: 1, title: "Review targets", start: .caseNotified,
            stoppedBy: [.panelOutcomeRecorded],
            pausedWhileAwaitingExternal: true,
            steps: [
                ScheduleStep(
                    name: "panel-review", after: Offset(182, .calendarDays),
                    action: .target(name: "panel-review", to: [.coordinator]))
            ])
        definition.pausedWhileAwaitingExternal = true
        let start = ScheduleStart(
            definition: definition, target: .caseReview,
            steps: try definition.plan(startingAt: Sample.now, calendar: Sample.calendar))
        let base = try history(CaseDecider.self, [.startSchedule(start)], from: Story.triagedUnexpected())
        let planned = try #require(state(base).timers.first?.dueAt)
        let paused = try history(
            CaseDecider.self,
            [.awaitExternalProcess(process: .inquest, reason: "Inquest", since: Sample.day(2026, 6, 3))],
            context: Sample.context(plusDays: 3), from: base)
        #expect(state(paused).timers.first?.state == .paused)
        let resumed = try history(
            CaseDecider.self, [.concludeExternalProcess(process: .inquest, on: Sample.day(2026, 6, 10))],
            context: Sample.context(plusDays: 10), from: paused)
        #expect(state(resumed).timers.first?.dueAt == planned.addingTimeInterval(7 * 86_400))
        #expect(state(resumed).timers.first?.state == .pending)
    }

    @Test("Moving a running schedule to a new version replans its steps and keeps the steps already reached")
    func moveToNewVersion() throws {
        let reached = try history(
            CaseDecider.self,
            [
                .reachScheduleStep(
                    target: .formRequest(Sample.request1), scheduleID: "form-b-chasing", step: "reminder"),
                .moveSchedule(Sample.startFormB(Sample.request1, version: 2)),
            ],
            from: chasing())
        let run = try #require(state(reached).schedules.first)
        #expect(run.reference.version == 2)
        #expect(run.reached["reminder"] != nil)
        Given(CaseDecider.self, reached).when(.moveSchedule(Sample.startFormB(Sample.request1, version: 2))).then([])
    }

    @Test("Timer ids are the same wherever they are computed, and differ between steps")
    func timerIDsAreDeterministic() throws {
        let timers = state(try chasing()).timers
        #expect(Set(timers.map(\.id)).count == timers.count)
        #expect(state(try chasing()).timers.map(\.id) == timers.map(\.id))
    }

    @Test(
        "Working days skip weekends and bank holidays",
        arguments: [
            // Thursday 24 Dec 2026 + 1 working day: Friday 25 is Christmas, 26–27 the weekend, 28 the substitute Boxing Day.
            ((2026, 12, 24), 1, (2026, 12, 29)),
            // Thursday 2 Apr 2026 + 1: Good Friday 3 Apr, weekend, Easter Monday 6 Apr.
            ((2026, 4, 2), 1, (2026, 4, 7)),
            ((2026, 6, 5), 1, (2026, 6, 8)), // Friday to Monday
            ((2026, 6, 6), 0, (2026, 6, 8)), // Saturday, 0 days: the next working day
            ((2026, 6, 1), 5, (2026, 6, 8)),
        ] as [((Int, Int, Int), Int, (Int, Int, Int))])
    func workingDays(from: (Int, Int, Int), count: Int, expected: (Int, Int, Int)) {
        let result = Sample.calendar.adding(workingDays: count, to: Sample.day(from.0, from.1, from.2))
        #expect(result == Sample.day(expected.0, expected.1, expected.2))
    }

    @Test("Working-day arithmetic outside the calendar's years is refused, not guessed")
    func outsideCalendar() {
        #expect(Sample.calendar.adding(workingDays: 3, to: Sample.day(2027, 12, 30)) == nil)
    }

    @Test("Day steps fall at 09:00 in England, in summer time and in winter time")
    func stepsFallAtNine() throws {
        let summer = try Sample.formBSchedule().plan(startingAt: Sample.now, calendar: Sample.calendar)
        #expect(summer.first.map { LondonTime.time(of: $0.dueAt).description } == "09:00")
        let winter = try Sample.formBSchedule().plan(
            startingAt: Timestamp.parse("2026-10-20T15:00:00Z")!, calendar: Sample.calendar)
        // 20 Oct is in BST; the reminder on 30 Oct falls after the clocks go back (25 Oct): 09:00 GMT.
        #expect(winter.first?.dueAt == Timestamp.parse("2026-10-30T09:00:00Z"))
    }

    @Test(
        "Offsets must say which kind of day", arguments: ["10 days", "ten working-days", "-3 calendar-days", "5 weeks"])
    func offsetsNeedUnits(text: String) {
        #expect(Offset(text: text) == nil)
    }

    @Test(
        "Offsets read as written",
        arguments: [
            ("10 calendar-days", Offset(10, .calendarDays)), ("3 working days", Offset(3, .workingDays)),
            ("1 working-day", Offset(1, .workingDays)), ("48 hours", Offset(48, .hours)),
        ])
    func offsetsParse(text: String, expected: Offset) {
        #expect(Offset(text: text) == expected)
    }
}

import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPTesting
import Foundation
import Testing

/// Drives many synthetic cases through the engine in time order, as a panel would live them, and remembers
/// what each case should end as.
final class LifecycleSimulation {
    enum Plan: CaseIterable {
        case fullReview, fullReviewWithPause, unexpectedWithJAR, duplicateNotified, transferred, outOfScope,
            stillAwaitingExternal, readyForPanel
    }

    struct Step {
        var at: Date
        var caseIndex: Int
        var order: Int
        var run: () throws -> Void
    }

    struct Expected {
        var plan: Plan
        var caseID: CaseID?
        var duplicateID: CaseID?
        var stage: String
        var requests: [FormRequestID: String] = [:]
    }

    let engine: Engine
    let clock: TestClock
    let start: Date
    var random: SeededRandom
    var steps: [Step] = []
    var expected: [Expected] = []
    var agencies: [(id: AgencyID, name: String, kind: AgencyKind)] = []
    var panelMeetings: [(id: MeetingID, date: CalendarDate)] = []
    let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
    let doctor = Actor(name: "dr.pat.designate", role: "designatedDoctor")
    let panel = Actor(name: "panel.chair", role: "panelMember")

    init(engine: Engine, clock: TestClock, seed: UInt64) {
        self.engine = engine
        self.clock = clock
        self.start = clock.now()
        self.random = SeededRandom(seed: seed)
    }

    var workflow: CaseWorkflow { engine.workflow }

    func day(_ offset: Int, hour: Double = 10) -> Date {
        start.addingTimeInterval(Double(offset) * 86_400 + hour * 3600)
    }

    func calendarDay(_ date: Date) -> CalendarDate { LondonTime.day(of: date) }

    /// Registers the agency directory and a year of monthly panel meetings.
    func setUp() throws {
        for agency in SyntheticPanel.agencies {
            let id = AgencyID(UUID())
            try workflow.execute(
                .register(
                    agencyID: id, name: agency.name, kind: agency.kind,
                    contacts: [
                        AgencyContact(name: "Lead Contact", email: SyntheticPanel.email(of: agency.name), isLead: true)
                    ]),
                on: id, by: coordinator)
            agencies.append((id, agency.name, agency.kind))
        }
        for month in 1...20 {
            let id = MeetingID(UUID())
            let starts = day(month * 30, hour: 13)
            try workflow.execute(
                .schedule(
                    meetingID: id, type: .panel, title: "Panel meeting \(month)", startsAt: starts,
                    endsAt: starts.addingTimeInterval(3 * 3600), venue: MeetingVenue(place: "Town Hall"), theme: nil),
                on: id, by: coordinator)
            panelMeetings.append((id, calendarDay(starts)))
        }
    }

    /// Plans case `index`, dying `deathDay` days after the start.
    func plan(_ index: Int, deathDay: Int) {
        let plan = Plan.allCases[index % Plan.allCases.count]
        var entry = Expected(plan: plan, stage: "")
        let area = random.pick(engine.panel.areas).code
        let ageDays = random.pick([1, 20, 100, 300, 800, 2500, 4000, 6000])
        let unexpected = plan == .unexpectedWithJAR || plan == .duplicateNotified || random.chance(0.3)
        let died = calendarDay(day(deathDay, hour: 1))
        let notifiedAt = day(deathDay, hour: 9)
        let notification = SyntheticPanel.notification(
            using: &random, died: died, notified: calendarDay(notifiedAt), ageDays: ageDays,
            area: plan == .transferred ? nil : area, areaOfDeath: area,
            expectation: unexpected ? .unexpected : .expected)
        var order = 0
        func at(_ offset: Int, _ action: @escaping () throws -> Void) {
            order += 1
            steps.append(Step(at: day(deathDay + offset, hour: 11), caseIndex: index, order: order, run: action))
        }
        steps.append(
            Step(at: notifiedAt, caseIndex: index, order: 0) { [unowned self] in
                let notified = try workflow.notify(notification, by: Actor(name: "notifier", role: "notifier"))
                expected[index].caseID = notified.caseID
            })
        var caseID: CaseID { expected[index].caseID! }

        switch plan {
        case .transferred:
            at(2) {
                try self.workflow.execute(
                    .transfer(toPanel: "Elsewhere CDOP", reason: "Resident in another area"), on: caseID,
                    by: self.coordinator)
            }
            entry.stage = "transferred"
            expected.append(entry)
            return
        case .outOfScope:
            at(1) {
                try self.workflow.execute(
                    .recordOutOfScope(reason: .other, detail: "Notified in error"), on: caseID, by: self.coordinator)
            }
            entry.stage = "outOfScope"
            expected.append(entry)
            return
        case .duplicateNotified:
            // A second agency notifies the same child the same morning; the coordinator confirms the duplicate.
            steps.append(
                Step(at: notifiedAt.addingTimeInterval(3600), caseIndex: index, order: 0) { [unowned self] in
                    let second = try workflow.notify(notification, by: Actor(name: "notifier-2", role: "notifier"))
                    precondition(second.possibleDuplicateOf == expected[index].caseID, "duplicate not detected")
                    expected[index].duplicateID = second.caseID
                })
            at(1) {
                try self.workflow.confirmDuplicate(self.expected[index].duplicateID!, of: caseID, by: self.coordinator)
            }
        default:
            break
        }

        at(1) {
            try self.workflow.execute(
                .triage(
                    expectation: unexpected ? .unexpected : .expected, confirmedBy: "Dr Pat Designate",
                    triggers: unexpected ? [.suddenNoApparentCause] : []),
                on: caseID, by: self.doctor)
        }
        if unexpected {
            at(1) {
                let starts = self.clock.now().addingTimeInterval(86_400)
                let meetingID = try self.workflow.conveneRapidResponse(
                    for: caseID, scheduledFor: starts, by: self.doctor
                ) { id in
                    .schedule(
                        meetingID: id, type: .rapidResponse, title: "Rapid response", startsAt: starts,
                        endsAt: starts.addingTimeInterval(3600),
                        venue: MeetingVenue(callLink: "https://meet.example.org/jar"), theme: nil)
                }
                #expect(try self.workflow.meetingState(meetingID).meetingID == meetingID)
                self.jarMeetings[index] = meetingID
            }
            at(3) {
                try self.workflow.execute(
                    .recordRapidResponseMeetingHeld(meetingID: self.jarMeetings[index]!, heldAt: self.clock.now()),
                    on: caseID, by: self.doctor)
            }
            at(20) {
                try self.workflow.execute(.completeRapidResponse(note: "Actions complete"), on: caseID, by: self.doctor)
            }
        }

        // Form B from two to four agencies: most return, one may decline, one may be waived.
        let chosen = Array(agencies.shuffled(using: &random).prefix(Int.random(in: 2...4, using: &random)))
        var requestIDs: [FormRequestID] = []
        for agency in chosen {
            let requestID = FormRequestID(UUID())
            requestIDs.append(requestID)
            at(2) {
                try self.workflow.execute(
                    .recordAgencyInvolved(
                        AgencyInvolvement(
                            agencyID: agency.id, agencyName: agency.name, kind: agency.kind,
                            contactName: "Lead Contact", contactEmail: SyntheticPanel.email(of: agency.name))),
                    on: caseID, by: self.coordinator)
                try self.workflow.execute(
                    .requestForm(
                        requestID: requestID, agencyID: agency.id, formType: .reporting,
                        contactEmail: SyntheticPanel.email(of: agency.name),
                        dueDate: self.calendarDay(self.clock.now().addingTimeInterval(14 * 86_400)),
                        schedule: ScheduleReference(id: "form-b-chasing", version: 1)),
                    on: caseID, by: self.coordinator)
            }
        }
        for (position, requestID) in requestIDs.enumerated() {
            let outcome =
                position == 1 && random.chance(0.3)
                ? "declined (no information held)"
                : position == 2 && random.chance(0.3) ? "waived" : "returned"
            entry.requests[requestID] = outcome
            let returnDay = 2 + Int.random(in: 3...25, using: &random)
            if returnDay > 12 {
                at(12) {
                    try self.workflow.execute(
                        .issueReminder(requestID: requestID, step: 1, kind: .reminder), on: caseID, by: .system)
                }
                at(12) {
                    try self.workflow.execute(
                        .issueReminder(requestID: requestID, step: 1, kind: .reminder), on: caseID, by: .system)
                }
            }
            at(returnDay) {
                switch outcome {
                case "returned":
                    try self.workflow.execute(
                        .recordFormReturned(
                            requestID: requestID, definition: FormDefinitionReference(id: "reporting", version: 1),
                            answers: ["summary": .text("Known to the service; no concerns.")],
                            submittedBy: "Lead Contact"),
                        on: caseID, by: Actor(name: "practitioner", role: "practitioner"))
                case "waived":
                    try self.workflow.execute(
                        .waiveFormRequest(requestID: requestID, reason: "Information received by phone"), on: caseID,
                        by: self.coordinator)
                default:
                    try self.workflow.execute(
                        .recordNoInformationHeld(requestID: requestID, declaredBy: "Lead Contact"), on: caseID,
                        by: Actor(name: "practitioner", role: "practitioner"))
                }
            }
        }

        let paused = plan == .fullReviewWithPause || plan == .stillAwaitingExternal
        if paused {
            at(30) {
                try self.workflow.execute(
                    .awaitExternalProcess(
                        process: .postMortem, reason: "Post-mortem report awaited",
                        since: self.calendarDay(self.clock.now())), on: caseID, by: self.coordinator)
            }
        }
        if plan == .stillAwaitingExternal {
            entry.stage = "awaitingExternal"
            expected.append(entry)
            return
        }
        if paused {
            at(93) {
                try self.workflow.execute(
                    .concludeExternalProcess(process: .postMortem, on: self.calendarDay(self.clock.now())), on: caseID,
                    by: self.coordinator)
            }
        }
        at(100) {
            try self.workflow.execute(
                .recordReviewMeetingHeld(
                    meetingID: nil, heldOn: self.calendarDay(self.clock.now()), draftAnalysis: "Draft analysis"),
                on: caseID, by: self.coordinator)
        }
        at(101) { try self.workflow.execute(.markReadyForPanel, on: caseID, by: self.coordinator) }
        if plan == .readyForPanel {
            entry.stage = "readyForPanel"
            expected.append(entry)
            return
        }
        at(102) {
            let today = self.calendarDay(self.clock.now())
            let meeting = self.panelMeetings.first { $0.date > today }!
            self.assignedPanel[index] = meeting
            try self.workflow.assignToPanel(
                caseID, meetingID: meeting.id, meetingDate: meeting.date, by: self.coordinator)
        }
        at(140) {
            let category = self.random.pick([6, 7, 8, 10, 3])
            try self.workflow.execute(
                .recordPanelOutcome(
                    PanelOutcomeInput(
                        categories: [category],
                        factors: [
                            ContributoryFactor(
                                domain: .serviceProvision, description: "Delay in referral", level: .mayHaveContributed,
                                modifiable: true)
                        ],
                        outcome: .modifiableFactorsIdentified,
                        learningPoints: [LearningPoint(theme: "referral", text: "Refer promptly")],
                        reviewedOn: self.calendarDay(self.clock.now()))),
                on: caseID, by: self.panel)
            try self.workflow.execute(
                .recordRecommendation(
                    actionID: ActionID(UUID()), text: "Audit referral times", owner: "Public health",
                    dueDate: self.calendarDay(self.clock.now().addingTimeInterval(60 * 86_400))),
                on: caseID, by: self.coordinator)
        }
        at(141) {
            try self.workflow.execute(
                .recordNCMDSubmission(reference: "NCMD-\(index)", submittedOn: self.calendarDay(self.clock.now())),
                on: caseID, by: self.coordinator)
        }
        at(142) { try self.workflow.execute(.close(reason: "Review complete"), on: caseID, by: self.coordinator) }
        entry.stage = "closed"
        expected.append(entry)
    }

    var jarMeetings: [Int: MeetingID] = [:]
    var assignedPanel: [Int: (id: MeetingID, date: CalendarDate)] = [:]

    /// Runs every planned step in time order, moving the clock to each.
    func run() throws {
        for step in steps.sorted(by: { ($0.at, $0.caseIndex, $0.order) < ($1.at, $1.caseIndex, $1.order) }) {
            clock.set(step.at)
            try step.run()
        }
    }
}

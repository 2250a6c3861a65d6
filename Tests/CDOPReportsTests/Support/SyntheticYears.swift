import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPStore
import CDOPTesting
import Foundation

/// Years of synthetic cases built through the engine's own commands, with a ledger of what was done to each,
/// kept by the test so that every table can be counted again without the report's code.
struct SyntheticYears {
    /// The day the reports over these years are run as at.
    static let asAt = CalendarDate(year: 2027, month: 9, day: 1)!

    /// What the test did to one case.
    struct Planned {
        var notified: CalendarDate
        var died: CalendarDate
        var band: AgeBand
        var sex: Sex
        var ethnicity: Ethnicity
        var area: String?
        var expectation: Expectation
        var countsForPanel: Bool
        var rapidResponseDays: Int?
        var rapidResponse: Bool
        var pausedDays: Int = 0
        var stoppedAt: String
        var reviewed: CalendarDate?
        var category: DeathCategory?
        var outcome: ModifiableFactorsOutcome?
        var themes: [String] = []
        var actionsOpen = 0
        var actionsClosed = 0
        /// The day it was declared ready for the panel, the pause for an inquest, each action's completion.
        var readyOn: CalendarDate?
        var pause: (from: CalendarDate, until: CalendarDate?)?
        var actionsCompletedOn: [CalendarDate] = []
        /// A review before the cut-over judged on the older preventability scale (then without an outcome).
        var legacy: LegacyPreventability?

        /// Whether the case was notified and not reviewed at the end of `day`.
        func isOutstanding(asAt day: CalendarDate) -> Bool {
            notified <= day && (reviewed.map { $0 > day } ?? true)
        }

        /// Where it stood at the end of `day`: paused, ready for the panel, or gathering information.
        func stage(asAt day: CalendarDate) -> OutstandingStage {
            if let pause, pause.from <= day, pause.until.map({ $0 > day }) ?? true { return .awaitingExternalProcesses }
            if let readyOn, readyOn <= day { return .readyForPanel }
            return .awaitingForms
        }
    }

    let folder = TemporaryDirectory("cdop-reports")
    /// Every command runs on this day: dates in the commands say when things happened.
    let clock = TestClock(iso: "2027-09-01T09:00:00Z")
    let engine: Engine
    var ledger: [Planned] = []
    let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
    let doctor = Actor(name: "dana.doctor", role: "designated-doctor")
    let chair = Actor(name: "morgan.chair", role: "panel-member")

    static let themes = ["safe sleep", "mental health", "road safety", "palliative care", "referral"]
    static let bandDays: [(AgeBand, ClosedRange<Int>)] = [
        (.neonatal, 0...26), (.postNeonatal, 30...360), (.oneToFour, 400...1_700), (.fiveToNine, 1_900...3_500),
        (.tenToFourteen, 3_700...5_300), (.fifteenToSeventeen, 5_600...6_500),
    ]

    /// Reviews completed before this day may be judged on the older preventability scale (the panel's cut-over).
    var legacyScaleUntil: CalendarDate { engine.panel.legacyScaleUntil }

    init() throws {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        var options = EventStoreOptions()
        options.durability = .processCrash
        engine = try Engine(configuration: configuration, clock: clock, storeOptions: options)
    }

    var workflow: CaseWorkflow { engine.workflow }

    /// `count` deaths spread over the days from `first` to `last`, each taken as far as chance says.
    mutating func build(count: Int, from first: CalendarDate, to last: CalendarDate, seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let areas = engine.panel.areas.map(\.code)
        for _ in 0..<count {
            let died = first.adding(days: Int.random(in: 0...first.days(until: last), using: &random))
            try buildCase(died: died, areas: areas, random: &random)
        }
    }

    private mutating func buildCase(died: CalendarDate, areas: [String], random: inout SeededRandom) throws {
        let (band, range) = random.pick(Self.bandDays)
        let notified = died.adding(days: Int.random(in: 0...2, using: &random))
        let outside = random.chance(0.05)
        let area: String? = outside ? nil : random.pick(areas)
        let unexpected = random.chance(0.35)
        var form = SyntheticPanel.notification(
            using: &random, died: died, notified: notified, ageDays: Int.random(in: range, using: &random), area: area,
            areaOfDeath: area, expectation: unexpected ? .unexpected : .expected)
        form.child.ethnicity = random.pick(Ethnicity.allCases)
        var plan = Planned(
            notified: notified, died: died, band: band, sex: form.child.sex, ethnicity: form.child.ethnicity,
            area: area,
            expectation: unexpected ? .unexpected : .expected, countsForPanel: !outside, rapidResponse: false,
            stoppedAt: "notified")
        let caseID = try workflow.notify(form, by: coordinator).caseID
        defer { ledger.append(plan) }
        guard !outside, random.chance(0.95) else { return }
        try workflow.execute(
            .triage(expectation: plan.expectation, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID, by: doctor)
        plan.stoppedAt = "triaged"
        if unexpected {
            plan.rapidResponse = true
            plan.stoppedAt = "rapidResponseActive"
            if random.chance(0.9) {
                let days = Int.random(in: 0...7, using: &random)
                let heldAt = LondonTime.instant(on: died.adding(days: days), at: TimeOfDay(hour: 11, minute: 0)!)
                let meeting = try workflow.conveneRapidResponse(for: caseID, scheduledFor: heldAt, by: doctor) { id in
                    .schedule(
                        meetingID: id, type: .rapidResponse, title: "Rapid response", startsAt: heldAt,
                        endsAt: heldAt.addingTimeInterval(3600), venue: MeetingVenue(place: "Room 1"), theme: nil)
                }
                try workflow.execute(
                    .recordRapidResponseMeetingHeld(meetingID: meeting, heldAt: heldAt), on: caseID, by: doctor)
                plan.rapidResponseDays = days
            }
            guard random.chance(0.9) else { return }
            try workflow.execute(.completeRapidResponse(note: "Done."), on: caseID, by: doctor)
        }
        plan.stoppedAt = "informationGathering"
        var ready = died.adding(days: Int.random(in: 30...150, using: &random))
        if random.chance(0.3) {
            let start = died.adding(days: 10)
            try workflow.execute(
                .awaitExternalProcess(process: .inquest, reason: "Inquest opened.", since: start), on: caseID,
                by: coordinator)
            plan.stoppedAt = "awaitingExternal"
            plan.pause = (start, nil)
            guard random.chance(0.85) else { return }
            let paused = Int.random(in: 20...300, using: &random)
            try workflow.execute(
                .concludeExternalProcess(process: .inquest, on: start.adding(days: paused)), on: caseID, by: coordinator
            )
            plan.pause = (start, start.adding(days: paused))
            plan.pausedDays = paused
            ready = ready.adding(days: paused)
            plan.stoppedAt = "informationGathering"
        }
        guard ready < LondonTime.day(of: clock.now()).adding(days: -30), random.chance(0.92) else { return }
        // Declared ready on that day: the clock is moved there for the command, then back.
        let today = clock.now()
        clock.set(LondonTime.instant(on: ready, at: TimeOfDay(hour: 10, minute: 0)!))
        try workflow.execute(.markReadyForPanel, on: caseID, by: coordinator)
        clock.set(today)
        plan.readyOn = ready
        plan.stoppedAt = "readyForPanel"
        guard random.chance(0.92) else { return }
        let reviewed = ready.adding(days: Int.random(in: 5...25, using: &random))
        let start = LondonTime.instant(on: reviewed, at: TimeOfDay(hour: 14, minute: 0)!)
        let meeting = MeetingID(UUID())
        try workflow.execute(
            .schedule(
                meetingID: meeting, type: .panel, title: "Panel", startsAt: start,
                endsAt: start.addingTimeInterval(7200),
                venue: MeetingVenue(place: "Town hall"), theme: nil),
            on: meeting, by: coordinator)
        try workflow.assignToPanel(caseID, meetingID: meeting, meetingDate: reviewed, by: coordinator)
        plan.stoppedAt = "panelScheduled"
        try review(caseID, on: reviewed, plan: &plan, random: &random)
    }

    private mutating func review(
        _ caseID: CaseID, on reviewed: CalendarDate, plan: inout Planned, random: inout SeededRandom
    ) throws {
        let category = random.pick(DeathCategory.allCases)
        let legacy =
            reviewed < legacyScaleUntil && random.chance(0.7) ? random.pick(LegacyPreventability.allCases) : nil
        let outcome: ModifiableFactorsOutcome? = legacy == nil ? random.pick(ModifiableFactorsOutcome.allCases) : nil
        let factors =
            outcome == .modifiableFactorsIdentified
            ? [
                ContributoryFactor(
                    domain: .serviceProvision, description: "Delay in referral", level: .mayHaveContributed,
                    modifiable: true)
            ]
            : []
        let themes = Array(Set((0..<Int.random(in: 0...2, using: &random)).map { _ in random.pick(Self.themes) }))
            .sorted()
        let actions = (0..<Int.random(in: 0...2, using: &random)).map { index in
            (ActionID(UUID()), "Action \(index + 1)", "Public health lead", Optional(reviewed.adding(days: 60)))
        }
        try workflow.recordPanelOutcome(
            on: caseID,
            outcome: PanelOutcomeInput(
                categories: [category.rawValue], factors: factors, outcome: outcome, legacyPreventability: legacy,
                learningPoints: themes.map { LearningPoint(theme: $0, text: "Learning about \($0).") },
                reviewedOn: reviewed),
            actions: actions, by: chair)
        plan.stoppedAt = "panelReviewed"
        plan.reviewed = reviewed
        plan.category = category
        plan.outcome = outcome
        plan.legacy = legacy
        plan.themes = themes
        for action in actions {
            if random.chance(0.5) {
                try workflow.execute(
                    .completeRecommendation(actionID: action.0, completedOn: reviewed.adding(days: 20), note: "Done."),
                    on: caseID, by: coordinator)
                plan.actionsClosed += 1
                plan.actionsCompletedOn.append(reviewed.adding(days: 20))
            } else {
                plan.actionsOpen += 1
            }
        }
    }
}

/// `text` with its first letter capitalised, as the reports' row and column labels are.

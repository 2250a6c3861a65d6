import CDOPApp
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation

/// Cases made quickly for the report benchmark: each case's commands go through the domain's own decider
/// (decide, then evolve) and codec, as the engine would run them, but without a transaction per command; the
/// encoded events are appended in large batches, many streams per transaction, with every read model kept
/// inline. About 25 events a case: notification, triage (and rapid response), four agencies asked for forms
/// with two reminders and an answer each, readiness, listing, the panel's outcome and an action.
struct SyntheticCaseEvents {
    let panel: PanelConfiguration
    /// The day every command is decided on (after every death).
    let now: Date
    var random: SeededRandom

    static let agencies: [(String, AgencyKind)] = [
        ("Northgate Surgery", .gp), ("Central Vale Hospital", .hospital), ("Northam Police", .police),
        ("Northam Children's Social Care", .childrensSocialCare),
    ]

    /// The events of one case that died on `died`.
    mutating func caseEvents(died: CalendarDate) throws -> (streamID: String, events: [NewEvent]) {
        let caseID = CaseID(UUID())
        let context = DecisionContext(now: now, configuration: panel)
        var state = CaseDecider.initialState
        var encoded: [NewEvent] = []
        func run(_ command: CaseCommand) throws {
            let events = try CaseDecider.decide(command, state: state, context: context)
            for event in events {
                state = CaseDecider.evolve(state, event)
                let coded = try EventCodec.encode(event)
                encoded.append(
                    NewEvent(eventID: UUID(), type: coded.type, schemaVersion: coded.schemaVersion, data: coded.data))
            }
        }
        let ageDays = Int.random(in: 0...6_500, using: &random)
        let unexpected = random.chance(0.35)
        let notification = SyntheticPanel.notification(
            using: &random, died: died, notified: died.adding(days: Int.random(in: 0...2, using: &random)),
            ageDays: ageDays,
            area: random.pick(panel.areas).code, expectation: unexpected ? .unexpected : .expected)
        try run(.notify(caseID: caseID, notification: notification, possibleDuplicateOf: nil))
        try run(.triage(expectation: unexpected ? .unexpected : .expected, confirmedBy: "Dr Dana Doctor", triggers: []))
        if unexpected { try run(.completeRapidResponse(note: "Completed.")) }
        for (name, kind) in Self.agencies {
            let agencyID = AgencyID(UUID())
            let requestID = FormRequestID(UUID())
            try run(
                .recordAgencyInvolved(
                    AgencyInvolvement(
                        agencyID: agencyID, agencyName: name, kind: kind, contactEmail: "lead@example.org")))
            try run(
                .requestForm(
                    requestID: requestID, agencyID: agencyID, formType: .reporting, contactEmail: "lead@example.org",
                    dueDate: LondonTime.day(of: now).adding(days: 14), schedule: nil))
            try run(.issueReminder(requestID: requestID, step: 1, kind: .reminder))
            try run(.issueReminder(requestID: requestID, step: 2, kind: .finalReminder))
            try run(.recordNoInformationHeld(requestID: requestID, declaredBy: "Agency lead"))
        }
        let reviewed = died.adding(days: Int.random(in: 60...400, using: &random))
        if reviewed < LondonTime.day(of: now) {
            try run(.markReadyForPanel)
            try run(.assignToPanelMeeting(meetingID: MeetingID(UUID()), meetingDate: reviewed))
            let outcome = random.pick(ModifiableFactorsOutcome.allCases)
            try run(
                .recordPanelOutcome(
                    PanelOutcomeInput(
                        categories: [Int.random(in: 1...10, using: &random)],
                        factors: outcome == .modifiableFactorsIdentified
                            ? [
                                ContributoryFactor(
                                    domain: .serviceProvision, description: "Delay", level: .mayHaveContributed,
                                    modifiable: true)
                            ] : [],
                        outcome: outcome,
                        learningPoints: [
                            LearningPoint(
                                theme: random.pick(["safe sleep", "referral", "road safety"]), text: "Learning.")
                        ],
                        reviewedOn: reviewed)))
            try run(
                .recordRecommendation(
                    actionID: ActionID(UUID()), text: "Share the learning.", owner: "Public health",
                    dueDate: reviewed.adding(days: 90)))
        }
        return (caseID.streamID, encoded)
    }
}

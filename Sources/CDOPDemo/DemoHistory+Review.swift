import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation

/// The review's steps after the information is gathered: pauses, the review meeting, the panel, the outcome,
/// the national submission and closure; and the cases that leave the panel.
extension DemoHistory {
    func pause(_ key: String, _ process: ExternalProcess, reason: String, ago: Int) {
        at(ago, 9, 30) { () throws(CommandError) in
            try self.workflow.execute(
                .awaitExternalProcess(process: process, reason: reason, since: self.day(ago)), on: self.caseID(key),
                by: DemoDirectory.coordinator)
        }
    }

    func resume(_ key: String, _ process: ExternalProcess, ago: Int) {
        at(ago, 9, 30) { () throws(CommandError) in
            try self.workflow.execute(
                .concludeExternalProcess(process: process, on: self.day(ago)), on: self.caseID(key),
                by: DemoDirectory.coordinator)
        }
    }

    /// The child death review meeting of those who knew the child, then (some days later) readiness for the panel.
    func reviewMeeting(_ key: String, ago: Int, readyAgo: Int?) {
        at(ago, 15) { () throws(CommandError) in
            try self.workflow.execute(
                .recordReviewMeetingHeld(
                    meetingID: nil, heldOn: self.day(ago),
                    draftAnalysis: "Draft analysis prepared by the review meeting for the panel (synthetic demo data)."),
                on: self.caseID(key), by: DemoDirectory.coordinator)
            self.finaliseNationalReturn(key, parts: { _ in [.notification] })
        }
        guard let readyAgo else { return }
        at(readyAgo, 9) { () throws(CommandError) in
            try self.workflow.execute(.markReadyForPanel, on: self.caseID(key), by: DemoDirectory.coordinator)
        }
    }

    /// Lists the case on panel meeting `panel`'s agenda.
    func list(_ key: String, on panel: String, ago: Int) {
        at(ago, 10) { () throws(CommandError) in
            let meeting = self.meetingID(panel)
            try self.workflow.assignToPanel(
                self.caseID(key), meetingID: meeting,
                meetingDate: LondonTime.day(of: self.workflow.meetingState(meeting).startsAt!),
                by: DemoDirectory.coordinator)
        }
    }

    /// What the panel decided about a case.
    struct Outcome {
        var categories: [Int]
        var outcome: ModifiableFactorsOutcome
        var factors: [ContributoryFactor] = []
        var learning: [LearningPoint] = []
        var cause: String? = nil
        /// Actions: what, who owns it, due in how many days, done how many days later (nil: still open).
        var actions: [(text: String, owner: String, dueInDays: Int, doneAfter: Int?)] = []
        var referral: String? = nil
    }

    /// The panel reviews the case at its meeting on `ago`: the outcome, its actions and any referral.
    func review(_ key: String, ago: Int, _ outcome: Outcome) {
        at(ago, 16, 15) { () throws(CommandError) in
            let caseID = self.caseID(key)
            try self.workflow.execute(
                .recordPanelOutcome(
                    PanelOutcomeInput(
                        categories: outcome.categories, factors: outcome.factors, outcome: outcome.outcome,
                        learningPoints: outcome.learning, causeOfDeath: outcome.cause, reviewedOn: self.day(ago))),
                on: caseID, by: DemoDirectory.panelChair)
            if let referral = outcome.referral {
                try self.workflow.execute(
                    .referForSafeguardingPracticeReview(reason: referral, referredOn: self.day(ago)), on: caseID,
                    by: DemoDirectory.panelChair)
            }
        }
        for (index, action) in outcome.actions.enumerated() {
            let actionID = ActionID(newID())
            at(ago, 16, 20 + index) { () throws(CommandError) in
                try self.workflow.execute(
                    .recordRecommendation(
                        actionID: actionID, text: action.text, owner: action.owner,
                        dueDate: self.day(ago - action.dueInDays)),
                    on: self.caseID(key), by: DemoDirectory.coordinator)
            }
            guard let doneAfter = action.doneAfter else { continue }
            at(ago - doneAfter, 11) { () throws(CommandError) in
                try self.workflow.execute(
                    .completeRecommendation(
                        actionID: actionID, completedOn: self.day(ago - doneAfter), note: "Done; evidence filed."),
                    on: self.caseID(key), by: DemoDirectory.coordinator)
            }
        }
    }

    /// Submission to the National Child Mortality Database, and closure.
    func submit(_ key: String, ago: Int, closeAgo: Int?) {
        at(ago, 11) { () throws(CommandError) in
            self.finaliseNationalReturn(key, parts: NationalReturnReadiness.partsNeeded)
            try self.workflow.execute(
                .recordNCMDSubmission(reference: "NCMD-DEMO-\(key.uppercased())", submittedOn: self.day(ago)),
                on: self.caseID(key), by: DemoDirectory.coordinator)
        }
        guard let closeAgo else { return }
        at(closeAgo, 11) { () throws(CommandError) in
            try self.workflow.execute(
                .close(reason: "Review complete and submitted to the NCMD"), on: self.caseID(key),
                by: DemoDirectory.coordinator)
        }
    }

    /// The coordinator asks for the erasure of `roles` in the case: it waits for a second person's approval.
    func askForErasure(_ key: String, roles: [String], reason: String, ago: Int) {
        at(ago, 10) { () throws(CommandError) in
            try self.workflow.execute(
                .requestErasure(roles: roles, reason: reason, by: DemoDirectory.coordinator.name),
                on: self.caseID(key), by: DemoDirectory.coordinator)
        }
    }

    func reopen(_ key: String, ago: Int, reason: String) {
        at(ago, 10) { () throws(CommandError) in
            try self.workflow.execute(.reopen(reason: reason), on: self.caseID(key), by: DemoDirectory.coordinator)
        }
    }

    func transfer(_ key: String, to panel: String, ago: Int) {
        at(ago, 11) { () throws(CommandError) in
            try self.workflow.execute(
                .transfer(toPanel: panel, reason: "The child lived in that panel's area; agreed with its coordinator."),
                on: self.caseID(key), by: DemoDirectory.coordinator)
        }
    }

    /// The coordinator confirms case `duplicate` is the same death as `primary`.
    func confirmDuplicate(_ duplicate: String, of primary: String, ago: Int) {
        at(ago, 9) { () throws(CommandError) in
            try self.workflow.confirmDuplicate(
                self.caseID(duplicate), of: self.caseID(primary), by: DemoDirectory.coordinator)
        }
    }

    /// The coordinator finalises the parts of case `key`'s national return that `parts` names and are not yet
    /// finalised; a part whose required national items are empty stays as it is (the demo's cases at that state).
    func finaliseNationalReturn(_ key: String, parts: (CaseState) -> [NationalReturnPart]) {
        guard let forms, let state = try? workflow.caseState(caseID(key)) else { return }
        for part in parts(state) where state.nationalReturnFinalised[part] == nil {
            _ = try? workflow.finaliseNationalReturnPart(
                part, on: caseID(key), forms: forms, by: DemoDirectory.coordinator)
        }
    }
}

import CDOPDomain
import Foundation

extension CaseWorkflow {
    /// Corrects `caseID`'s notification with `correction` (only the fields given change) for `reason`. The
    /// corrected details are checked against the other cases as a new notification is: a case they now match
    /// is linked as a possible duplicate (unless already decided to be a different death). Returns the event.
    @discardableResult
    package func correctNotification(
        _ caseID: CaseID, _ correction: NotificationCorrection, reason: String, by actor: Actor
    ) throws(CommandError) -> NotificationCorrected? {
        try handler.run(by: actor) { session throws(CommandError) -> NotificationCorrected? in
            let (state, _) = try session.state(of: CaseDecider.self, caseID.streamID)
            guard state.exists, let current = state.notification else {
                throw .notFound(kind: "case", reference: caseID.description)
            }
            var duplicate = try session.possibleDuplicate(of: correction.applied(to: current), excluding: caseID)
            if let other = duplicate {
                // Already decided a different death, or the other case is itself linked to this one.
                let (otherState, _) = try session.state(of: CaseDecider.self, other.streamID)
                if other == state.rejectedDuplicateOf || otherState.possibleDuplicateOf == caseID { duplicate = nil }
            }
            let events = try session.decideOnCase(
                caseID, .correctNotification(correction, reason: reason, possibleDuplicateOf: duplicate),
                schedules: schedules, links: links)
            for case .notificationCorrected(let corrected) in events { return corrected }
            return nil
        }.value ?? nil
    }
}

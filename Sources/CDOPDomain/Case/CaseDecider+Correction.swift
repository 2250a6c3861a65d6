import Foundation

/// Correcting what was notified, and reopening a settled duplicate decision.
extension CaseDecider {
    /// Corrects the notification: the corrected notification must pass the notification's rules, change
    /// something, and leave the death within the panel's reviews; a reason is required.
    static func correctNotification(
        _ correction: NotificationCorrection, _ reason: String, _ possibleDuplicateOf: CaseID?, _ state: CaseState,
        _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        guard let current = state.notification else { throw .caseNotFound }
        try requireNotClosed(state)
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("correct a notification") }
        let corrected = try NotificationRules.validated(correction.applied(to: current), context: context)
        let changes = NotificationCorrection.changes(from: current, to: corrected)
        guard !changes.isEmpty else {
            throw DomainError(
                code: "correction.nothingChanged",
                "The correction changes nothing: each value given is the one already recorded.")
        }
        let scope = ScopeAssessment(corrected)
        if let outOfScope = scope.outOfScope, state.outOfScope == nil {
            throw DomainError(
                code: "correction.outOfScope",
                "After this correction the death would be outside the panel's reviews (\(outOfScope.rawValue)); "
                    + "record the case as out of scope instead.")
        }
        let duplicate =
            possibleDuplicateOf == state.caseID || state.possibleDuplicateOf != nil ? nil : possibleDuplicateOf
        return [
            .notificationCorrected(
                NotificationCorrected(
                    changes: changes, notification: corrected, areaCode: scope.areaCode,
                    residentInPanelArea: scope.residentInPanelArea, possibleDuplicateOf: duplicate, reason: reason,
                    at: context.now))
        ]
    }

    /// Reopens a "different death" decision: the link to the case it was compared with comes back, to be
    /// decided again.
    static func reopenDuplicateDecision(_ reason: String, _ state: CaseState, _ now: Date) throws(DomainError)
        -> [CaseEvent]
    {
        guard let other = state.rejectedDuplicateOf, state.possibleDuplicateOf == nil else {
            throw DomainError(
                code: "duplicate.noDecision", "This case has no settled duplicate decision to reopen.")
        }
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("reopen a duplicate decision") }
        return [.duplicateDecisionReopened(DuplicateDecisionReopened(of: other, reason: reason, at: now))]
    }
}

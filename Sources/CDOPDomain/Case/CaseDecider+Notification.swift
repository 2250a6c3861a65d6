import Foundation

/// Notification, scope and transfer: a notified death is always recorded, never silently dropped.
extension CaseDecider {
    /// Opens a case from a valid notification; a death outside the panel's reviews is recorded as such.
    static func notify(
        _ caseID: CaseID, _ form: DeathNotification, _ possibleDuplicateOf: CaseID?, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        if possibleDuplicateOf == caseID {
            throw DomainError(code: "duplicate.ofItself", "A case cannot be a duplicate of itself (\(caseID)).")
        }
        let notification = try NotificationRules.validated(form, context: context)
        let scope = ScopeAssessment(notification)
        var events: [CaseEvent] = [
            .notificationReceived(
                NotificationReceived(
                    caseID: caseID, notification: notification, areaCode: scope.areaCode,
                    residentInPanelArea: scope.residentInPanelArea, possibleDuplicateOf: possibleDuplicateOf,
                    at: context.now))
        ]
        if let reason = scope.outOfScope {
            let detail =
                reason == .notLiveBorn
                ? "notified as \(notification.death.birthStatus.rawValue)"
                : "not resident in and did not die in \(context.configuration.name)'s areas"
            events.append(.recordedOutOfScope(RecordedOutOfScope(reason: reason, detail: detail, at: context.now)))
        }
        return events
    }

    /// Records the death as outside the panel's reviews, withdrawing any outstanding requests.
    static func recordOutOfScope(
        _ reason: OutOfScopeReason, _ detail: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        let detail = TextField.optional(detail) ?? ""
        if reason == .other && detail.isEmpty {
            throw .reasonMissing("record a death as out of scope for another reason")
        }
        return withdrawOutstanding(state, reason: "The death is outside the panel's reviews", context)
            + [.recordedOutOfScope(RecordedOutOfScope(reason: reason, detail: detail, at: context.now))]
    }

    /// Hands the case to another panel; outstanding requests are withdrawn and the history stays.
    static func transfer(
        to panel: String, _ reason: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        if let outcome = state.panelOutcome { throw .alreadyReviewed(on: outcome.reviewedOn) }
        let panel = try TextField.required(panel, field: "panel to transfer to", code: "transfer.panelMissing")
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("transfer a case") }
        guard NameNormaliser.fold(panel) != NameNormaliser.fold(context.configuration.name) else {
            throw DomainError(
                code: "transfer.samePanel",
                "The case is already with \(context.configuration.name); choose another panel.")
        }
        return withdrawOutstanding(state, reason: "The case was transferred to \(panel)", context)
            + [.transferred(CaseTransferred(toPanel: panel, reason: reason, at: context.now))]
    }
}

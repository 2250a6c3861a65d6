import Foundation

/// The panel's outcome, its recommendations, referral, national submission, closure and reopening.
extension CaseDecider {
    /// Records the panel's review once every request is answered or waived and nothing is awaited.
    static func recordPanelOutcome(
        _ input: PanelOutcomeInput, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireUnderReview(state)
        guard let meetingID = state.panelMeeting else {
            throw DomainError(
                code: "outcome.notScheduled",
                "The case is not listed for a panel meeting, so no outcome can be recorded.")
        }
        let outstanding = state.outstandingRequests
        if !outstanding.isEmpty {
            let list = outstanding.map {
                "\($0.formType.label) from \($0.agencyName) (due \(DayFormatter.long($0.dueDate)))"
            }
            throw DomainError(
                code: "outcome.formsOutstanding",
                "The panel outcome cannot be recorded while \(outstanding.count) form request(s) are outstanding: "
                    + list.joined(separator: "; ") + ". Wait for them, or waive or withdraw them.")
        }
        try requireNothingAwaited(state)
        try requireWithinCase(input.reviewedOn, field: "date of the panel review", state, context)
        let outcome = try PanelOutcomeRules.validated(
            input, meetingID: meetingID, death: state.notification!.death.date,
            legacyScaleUntil: context.configuration.legacyScaleUntil)
        return [.panelOutcomeRecorded(PanelOutcomeRecorded(outcome: outcome, at: context.now))]
    }

    /// Records a recommendation or action of the reviewed case; it needs an owner and a due date.
    static func recordRecommendation(
        _ id: ActionID, _ text: String, _ owner: String, _ dueDate: CalendarDate?, _ state: CaseState,
        _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        try requireInScope(state)
        guard state.panelOutcome != nil else {
            throw DomainError(
                code: "recommendation.noOutcome", "Recommendations follow the panel's review; record the outcome first."
            )
        }
        let agreed = try ActionRules.agree(
            id, text: text, owner: owner, dueDate: dueDate, existing: state.recommendations.map(\.id))
        return [
            .recommendationRecorded(
                RecommendationRecorded(
                    actionID: id, text: agreed.text, owner: agreed.owner, dueDate: agreed.dueDate, at: context.now))
        ]
    }

    /// Marks a recommendation or action completed (also after closure).
    static func completeRecommendation(
        _ id: ActionID, _ completedOn: CalendarDate, _ note: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        let action = state.recommendations.first(where: { $0.id == id })
        let note = try ActionRules.complete(
            id, found: action.map { ($0.text, $0.completedOn) }, place: "on this case", on: completedOn, note: note,
            today: context.today)
        return [
            .recommendationCompleted(
                RecommendationCompleted(actionID: id, completedOn: completedOn, note: note, at: context.now))
        ]
    }

    /// Refers the case for a child safeguarding practice review (once).
    static func referForSafeguardingPracticeReview(
        _ reason: String, _ referredOn: CalendarDate, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        try requireInScope(state)
        if let referral = state.safeguardingReferral {
            throw DomainError(
                code: "safeguarding.alreadyReferred",
                "The case was already referred for a safeguarding practice review on \(DayFormatter.long(referral.referredOn))."
            )
        }
        guard let reason = TextField.optional(reason) else {
            throw .reasonMissing("refer for a safeguarding practice review")
        }
        try requireWithinCase(referredOn, field: "referral date", state, context)
        return [
            .referredForSafeguardingPracticeReview(
                ReferredForSafeguardingPracticeReview(reason: reason, referredOn: referredOn, at: context.now))
        ]
    }

    /// Records the submission of the reviewed case to the National Child Mortality Database.
    static func recordNCMDSubmission(
        _ reference: String, _ submittedOn: CalendarDate, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        try requireInScope(state)
        guard let outcome = state.panelOutcome else {
            throw DomainError(
                code: "ncmd.noOutcome",
                "The case can be submitted to the national database only after the panel's review.")
        }
        if let submitted = state.ncmdSubmission {
            throw DomainError(
                code: "ncmd.alreadySubmitted",
                "This review was already submitted to the national database on \(DayFormatter.long(submitted.submittedOn))."
            )
        }
        guard submittedOn >= outcome.reviewedOn else {
            throw DomainError(
                code: "ncmd.beforeReview",
                "The submission date (\(DayFormatter.long(submittedOn))) is before the panel review (\(DayFormatter.long(outcome.reviewedOn)))."
            )
        }
        guard submittedOn <= context.today else {
            throw .dateInFuture(field: "submission date", date: submittedOn, today: context.today)
        }
        return [
            .submittedToNCMD(
                SubmittedToNCMD(
                    reference: TextField.optional(reference) ?? "", submittedOn: submittedOn, at: context.now))
        ]
    }

    /// Closes a reviewed case once it has been submitted to the national database.
    static func close(_ state: CaseState, reason: String, _ context: DecisionContext) throws(DomainError) -> [CaseEvent]
    {
        try requireNotClosed(state)
        try requireInScope(state)
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("close the case") }
        guard state.panelOutcome != nil else {
            throw DomainError(
                code: "closure.noPanelOutcome",
                "The case cannot be closed without a panel outcome; record the panel's review first.")
        }
        guard state.ncmdSubmission != nil else {
            throw DomainError(
                code: "closure.notSubmittedToNCMD",
                "The case cannot be closed before it is submitted to the National Child Mortality Database.")
        }
        return [.closed(CaseClosed(reason: reason, at: context.now))]
    }

    /// Reopens a closed case; its outcome is set aside until the panel reviews it again.
    static func reopen(_ reason: String, _ state: CaseState, _ now: Date) throws(DomainError) -> [CaseEvent] {
        guard state.isClosed else {
            throw DomainError(code: "case.notClosed", "The case is not closed, so it cannot be reopened.")
        }
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("reopen a case") }
        return [.reopened(CaseReopened(reason: reason, at: now))]
    }
}

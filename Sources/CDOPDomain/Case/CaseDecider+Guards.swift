/// The stage checks shared by the case's rules.
extension CaseDecider {
    /// Refuses when the case is closed.
    static func requireNotClosed(_ state: CaseState) throws(DomainError) {
        if let closedAt = state.closedAt { throw .caseClosed(on: LondonTime.day(of: closedAt)) }
    }

    /// Refuses when the death was recorded as out of scope.
    static func requireInScope(_ state: CaseState) throws(DomainError) {
        if let reason = state.outOfScope { throw .caseOutOfScope(reason) }
    }

    /// Refuses unless the case is open, in scope and not yet reviewed by the panel.
    static func requireUnderReview(_ state: CaseState) throws(DomainError) {
        try requireNotClosed(state)
        try requireInScope(state)
        if let outcome = state.panelOutcome { throw .alreadyReviewed(on: outcome.reviewedOn) }
    }

    /// Refuses a day after today or before the death.
    static func requireWithinCase(
        _ day: CalendarDate, field: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) {
        guard day <= context.today else { throw .dateInFuture(field: field, date: day, today: context.today) }
        if let died = state.notification?.death.date, day < died {
            throw DomainError(
                code: "input.dateBeforeDeath",
                "The \(field) (\(DayFormatter.long(day))) is before the date of death (\(DayFormatter.long(died))).")
        }
    }

    /// Withdraws every outstanding request, e.g. when the case leaves this panel.
    static func withdrawOutstanding(_ state: CaseState, reason: String, _ context: DecisionContext) -> [CaseEvent] {
        state.formRequests.filter(\.acceptsReturn).map {
            .formRequestWithdrawn(
                FormRequestWithdrawn(requestID: $0.id, agencyName: $0.agencyName, reason: reason, at: context.now))
        }
    }
}

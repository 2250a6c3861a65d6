/// Refusals about a case as a whole: existence, terminal states and stage order.
extension DomainError {
    /// A command for a case that was never notified.
    package static let caseNotFound = DomainError(
        code: "case.notFound", "There is no case with this reference; a death must be notified before anything else.")

    /// A second notification under an id that already has a case.
    package static func caseAlreadyExists(_ id: CaseID) -> DomainError {
        DomainError(
            code: "case.alreadyExists", "A case with the reference \(id) already exists; it cannot be notified again.")
    }

    /// Any command on a case merged into another as a duplicate.
    package static func mergedDuplicate(primary: CaseID) -> DomainError {
        DomainError(
            code: "case.mergedDuplicate",
            "This case was merged into case \(primary) as a duplicate; work on that case instead.")
    }

    /// Any command on a case handed to another panel.
    package static func transferred(to panel: String) -> DomainError {
        DomainError(
            code: "case.transferred", "This case was transferred to \(panel); it can no longer be changed here.")
    }

    /// A command that needs an open case, on a closed one.
    package static func caseClosed(on day: CalendarDate) -> DomainError {
        DomainError(code: "case.closed", "The case was closed on \(DayFormatter.long(day)); reopen it first.")
    }

    /// A review step on a death recorded as out of scope.
    package static func caseOutOfScope(_ reason: OutOfScopeReason) -> DomainError {
        DomainError(
            code: "case.outOfScope",
            "The death was recorded as outside the panel's reviews (\(reason.label)); it can only be transferred.")
    }

    /// A pre-panel step after the panel's outcome.
    package static func alreadyReviewed(on day: CalendarDate) -> DomainError {
        DomainError(
            code: "case.alreadyReviewed",
            "The panel already reviewed this case on \(DayFormatter.long(day)); close and reopen it to change the review."
        )
    }

    /// A step needing the designated doctor's triage.
    package static let notTriaged = DomainError(
        code: "case.notTriaged", "The designated doctor has not yet confirmed whether the death was expected.")

    /// A free-text reason left empty.
    package static func reasonMissing(_ what: String) -> DomainError {
        DomainError(code: "input.reasonMissing", "A reason is required to \(what).")
    }
}

import Foundation

/// The panel recorded its review: category, factors, modifiable-factors outcome and learning.
package struct PanelOutcomeRecorded: EventPayload {
    package static let typeName = "case.panelOutcomeRecorded.v1"
    package var outcome: PanelOutcome
    package var at: Date

    package var summary: String {
        "Panel review recorded: category \(outcome.primaryCategory.rawValue) (\(outcome.primaryCategory.label)), "
            + outcome.judgementLabel
    }
}

/// The panel made a recommendation or action, with an owner and a due date.
package struct RecommendationRecorded: EventPayload {
    package static let typeName = "case.recommendationRecorded.v1"
    package var actionID: ActionID
    package var text: String
    package var owner: String
    package var dueDate: CalendarDate
    package var at: Date

    package var summary: String { "Action for \(owner), due \(DayFormatter.short(dueDate)): \(text)" }
}

/// A recommendation or action was completed.
package struct RecommendationCompleted: EventPayload {
    package static let typeName = "case.recommendationCompleted.v1"
    package var actionID: ActionID
    package var completedOn: CalendarDate
    package var note: String
    package var at: Date

    package var summary: String {
        "Action completed on \(DayFormatter.long(completedOn))" + (note.isEmpty ? "" : ": \(note)")
    }
}

/// The case was referred for a child safeguarding practice review.
package struct ReferredForSafeguardingPracticeReview: EventPayload {
    package static let typeName = "case.referredForSafeguardingPracticeReview.v1"
    package var reason: String
    package var referredOn: CalendarDate
    package var at: Date

    package var summary: String {
        "Referred for a child safeguarding practice review on \(DayFormatter.long(referredOn))"
    }
}

/// The reviewed case was submitted to the National Child Mortality Database.
package struct SubmittedToNCMD: EventPayload {
    package static let typeName = "case.submittedToNCMD.v1"
    package var reference: String
    package var submittedOn: CalendarDate
    package var at: Date

    package var summary: String {
        "Submitted to the National Child Mortality Database on \(DayFormatter.long(submittedOn))"
            + (reference.isEmpty ? "" : " (reference \(reference))")
    }
}

/// The case was closed after review and submission.
package struct CaseClosed: EventPayload {
    package static let typeName = "case.closed.v1"
    /// Why the coordinator closed it; absent from cases closed before a reason was asked for.
    package var reason: String?
    package var at: Date

    package init(reason: String?, at: Date) {
        self.reason = reason
        self.at = at
    }

    package var summary: String { "Case closed" + (reason.map { ": \($0)" } ?? "") }
}

/// A closed case was reopened; its outcome is set aside until the panel reviews it again.
package struct CaseReopened: EventPayload {
    package static let typeName = "case.reopened.v1"
    package var reason: String
    package var at: Date

    package var summary: String { "Case reopened: \(reason)" }
}

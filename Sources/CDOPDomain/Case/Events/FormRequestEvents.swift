import Foundation

/// An agency was recorded as involved with the child (so it can be asked for a reporting form).
package struct AgencyRecordedInvolved: EventPayload {
    package static let typeName = "case.agencyRecordedInvolved.v1"
    package var involvement: AgencyInvolvement
    package var at: Date

    package var summary: String { "\(involvement.agencyName) (\(involvement.kind.label)) recorded as involved" }
}

/// A form was requested from an agency, with its contact, due date and the chasing schedule that drives it.
package struct FormRequested: EventPayload {
    package static let typeName = "case.formRequested.v1"
    package var requestID: FormRequestID
    package var agencyID: AgencyID
    package var agencyName: String
    package var formType: FormType
    package var contactEmail: String
    package var dueDate: CalendarDate
    package var schedule: ScheduleReference?
    package var at: Date

    package var summary: String {
        "\(formType.label) requested from \(agencyName), due \(DayFormatter.short(dueDate))"
    }
}

/// A chasing reminder for an outstanding request was issued (one per step).
package struct FormReminderIssued: EventPayload {
    package static let typeName = "case.formReminderIssued.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var step: Int
    package var kind: ReminderKind
    package var at: Date

    package var summary: String { "\(kind.label) (step \(step)) sent to \(agencyName)" }
}

/// An overdue request was escalated; `level` says who was told.
package struct FormEscalated: EventPayload {
    package static let typeName = "case.formEscalated.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var level: EscalationLevel
    package var at: Date

    package var summary: String { "Overdue form from \(agencyName) escalated to \(level.label)" }
}

/// A practitioner saved unfinished answers to an outstanding request, to come back to (the latest draft is
/// kept; returning the form replaces it). The summary never shows the answers.
package struct FormDraftSaved: EventPayload {
    package static let typeName = "case.formDraftSaved.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var formType: FormType
    package var definition: FormDefinitionReference
    package var answers: FormAnswers
    package var savedBy: String
    package var at: Date

    package var summary: String { "Draft of \(formType.label) saved by \(agencyName)" }
}

/// The request's form was opened through the practitioner's link (the access log of a person who has no
/// account): which request, and whether as the page or through the API. Never the practitioner's address.
package struct FormOpened: EventPayload {
    package static let typeName = "case.formOpened.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var formType: FormType
    package var view: String
    package var at: Date

    package var summary: String { "\(formType.label.capitalisedFirst) opened through the link sent to \(agencyName)" }
}

/// The agency returned the form with its answers to a given form definition.
package struct FormReturned: EventPayload {
    package static let typeName = "case.formReturned.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var definition: FormDefinitionReference
    package var answers: FormAnswers
    package var submittedBy: String
    package var at: Date

    package var summary: String { "Form returned by \(agencyName) (\(submittedBy))" }
}

/// The agency declared it holds no information about the child.
package struct FormDeclined: EventPayload {
    package static let typeName = "case.formDeclined.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var declaredBy: String
    package var at: Date

    package var summary: String { "\(agencyName) declared no information held (\(declaredBy))" }
}

/// The coordinator withdrew a request; the agency's link stops working.
package struct FormRequestWithdrawn: EventPayload {
    package static let typeName = "case.formRequestWithdrawn.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var reason: String
    package var at: Date

    package var summary: String { "Request to \(agencyName) withdrawn: \(reason)" }
}

/// The coordinator decided the panel will not wait for an outstanding request (a late return is still kept).
package struct FormRequestWaived: EventPayload {
    package static let typeName = "case.formRequestWaived.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var reason: String
    package var at: Date

    package var summary: String { "Request to \(agencyName) waived: \(reason)" }
}

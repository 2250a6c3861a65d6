import Foundation

/// The coordinator sent a reminder for an outstanding request at once, outside its chasing schedule
/// (`number` counts these reminders on the request, from 1).
package struct FormReminderRequested: EventPayload {
    package static let typeName = "case.formReminderRequested.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var number: Int
    package var at: Date

    package var summary: String { "Reminder sent now to \(agencyName)" }
}

/// The coordinator changed the contact of an outstanding request: a new link goes to the new contact and the
/// old link no longer opens the form. The summary never shows either address.
package struct FormContactChanged: EventPayload {
    package static let typeName = "case.formContactChanged.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var contactEmail: String
    package var at: Date

    package var summary: String { "Contact for the request to \(agencyName) changed; a new link was sent" }
}

/// The agency declined to complete a request, for a reason (for example, it did not know the child).
package struct FormDeclineRecorded: EventPayload {
    package static let typeName = "case.formDeclineRecorded.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var reason: String
    package var declaredBy: String
    package var at: Date

    package var summary: String { "\(agencyName) declined: \(reason)" }
}

/// The coordinator is to be told by email of a notification that came through the public form (the email
/// names the case by its reference only).
package struct CoordinatorAlerted: EventPayload {
    package static let typeName = "case.coordinatorAlerted.v1"
    package var at: Date

    package var summary: String { "The coordinator told by email of the new notification" }
}

/// The agency's contact is to be told by email that its request was withdrawn.
package struct FormWithdrawalNoticeQueued: EventPayload {
    package static let typeName = "case.formWithdrawalNoticeQueued.v1"
    package var requestID: FormRequestID
    package var agencyName: String
    package var at: Date

    package var summary: String { "\(agencyName) told by email that the request was withdrawn" }
}

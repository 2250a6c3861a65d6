import Foundation

/// A meeting was scheduled (sequence 0 for calendar invitations).
package struct MeetingScheduled: EventPayload {
    package static let typeName = "meeting.scheduled.v1"
    package var meetingID: MeetingID
    package var type: MeetingType
    package var title: String
    package var startsAt: Date
    package var endsAt: Date
    package var venue: MeetingVenue
    /// A themed panel's theme, e.g. "neonatal".
    package var theme: String?
    package var sequence: Int
    package var at: Date

    package var summary: String { "\(type.label.capitalisedFirst) scheduled for \(DayFormatter.dayAndTime(startsAt))" }
}

/// Someone was invited.
package struct InviteeAdded: EventPayload {
    package static let typeName = "meeting.inviteeAdded.v1"
    package var invitee: Invitee
    package var at: Date

    package var summary: String { "\(invitee.name) invited" }
}

/// An invitation was taken back.
package struct InvitationWithdrawn: EventPayload {
    package static let typeName = "meeting.invitationWithdrawn.v1"
    package var email: String
    package var name: String
    package var at: Date

    package var summary: String { "Invitation to \(name) withdrawn" }
}

/// A case was put on the agenda.
package struct CaseAddedToAgenda: EventPayload {
    package static let typeName = "meeting.caseAddedToAgenda.v1"
    package var caseID: CaseID
    package var at: Date

    package var summary: String { "Case \(caseID) added to the agenda" }
}

/// A case was taken off the agenda.
package struct CaseRemovedFromAgenda: EventPayload {
    package static let typeName = "meeting.caseRemovedFromAgenda.v1"
    package var caseID: CaseID
    package var at: Date

    package var summary: String { "Case \(caseID) removed from the agenda" }
}

/// The meeting moved; `sequence` rises so calendars update the same event.
package struct MeetingRescheduled: EventPayload {
    package static let typeName = "meeting.rescheduled.v1"
    package var startsAt: Date
    package var endsAt: Date
    package var venue: MeetingVenue
    package var sequence: Int
    package var at: Date

    package var summary: String { "Meeting moved to \(DayFormatter.dayAndTime(startsAt))" }
}

/// The meeting was cancelled.
package struct MeetingCancelled: EventPayload {
    package static let typeName = "meeting.cancelled.v1"
    package var reason: String
    package var sequence: Int
    package var at: Date

    package var summary: String { "Meeting cancelled: \(reason)" }
}

/// The meeting took place, with each invitee's attendance.
package struct MeetingHeld: EventPayload {
    package static let typeName = "meeting.held.v1"
    package var attendance: [AttendanceRecord]
    package var at: Date

    package var summary: String {
        "Meeting held: \(attendance.filter { $0.status == .attended }.count) of \(attendance.count) invitees attended"
    }
}

/// Minutes were recorded (a later revision replaces an earlier one).
package struct MinutesRecorded: EventPayload {
    package static let typeName = "meeting.minutesRecorded.v1"
    package var text: String
    package var revision: Int
    package var at: Date

    package var summary: String { revision == 1 ? "Minutes recorded" : "Minutes revised (revision \(revision))" }
}

/// An action was agreed at the meeting.
package struct MeetingActionAgreed: EventPayload {
    package static let typeName = "meeting.actionAgreed.v1"
    package var actionID: ActionID
    package var description: String
    package var owner: String
    package var dueDate: CalendarDate
    package var caseID: CaseID?
    package var at: Date

    package var summary: String { "Action for \(owner), due \(DayFormatter.short(dueDate)): \(description)" }
}

/// An action agreed at the meeting was done.
package struct MeetingActionCompleted: EventPayload {
    package static let typeName = "meeting.actionCompleted.v1"
    package var actionID: ActionID
    package var completedOn: CalendarDate
    package var note: String
    package var at: Date

    package var summary: String { "Action completed on \(DayFormatter.long(completedOn))" }
}

import Foundation

/// What a coordinator or designated doctor asks of a meeting.
package enum MeetingCommand: Sendable {
    /// Schedule a new meeting (the shell supplies its id).
    case schedule(
        meetingID: MeetingID, type: MeetingType, title: String, startsAt: Date, endsAt: Date, venue: MeetingVenue,
        theme: String?)
    /// Invite someone.
    case invite(Invitee)
    /// Take back someone's invitation.
    case withdrawInvitation(email: String)
    /// Put a case on the agenda (again: nothing).
    case addCaseToAgenda(CaseID)
    /// Take a case off the agenda.
    case removeCaseFromAgenda(CaseID)
    /// Move the meeting (raises its sequence number; unchanged: nothing).
    case reschedule(startsAt: Date, endsAt: Date, venue: MeetingVenue)
    /// Cancel the meeting.
    case cancel(reason: String)
    /// Record that the meeting took place, with who attended.
    case recordHeld(attendance: [AttendanceRecord])
    /// Record (or revise) the minutes.
    case recordMinutes(text: String)
    /// Agree an action; owner and due date are required.
    case agreeAction(actionID: ActionID, description: String, owner: String, dueDate: CalendarDate?, caseID: CaseID?)
    /// Mark an action done.
    case completeAction(actionID: ActionID, completedOn: CalendarDate, note: String)
    /// Record that an email about the meeting was sent (once per outbox entry).
    case recordEmailSent(EmailOutcome)
    /// Record that an email about the meeting could not be delivered (once per outbox entry).
    case recordEmailFailed(EmailOutcome, reason: String)
}

import CDOPDomain
import CDOPProjections
import Foundation

/// A meeting as a program reads it: `cdop meeting show --json` and `GET /api/v1/meetings/{id}` alike. Without
/// `identifiable` (a panel member's view) it carries agenda references only, never invitees' details.
package struct MeetingView: Encodable, Sendable {
    package struct Action: Encodable, Sendable {
        package var actionId: String
        package var description: String
        package var owner: String
        package var dueDate: String
        /// The reference of the case the action concerns, when it concerns one.
        package var caseReference: String?
        package var completedOn: String?
    }

    package struct AgendaItem: Encodable, Sendable {
        package var caseId: String
        package var reference: String
    }

    package var meetingId: String
    package var type: String?
    package var title: String
    package var startsAt: Date?
    package var endsAt: Date?
    package var venue: MeetingVenue?
    package var theme: String?
    package var status: String
    package var sequence: Int
    package var invitees: [Invitee]?
    package var attendance: [AttendanceRecord]?
    package var agenda: [AgendaItem]
    package var minutes: String?
    package var actions: [Action]

    package init(_ meetingID: MeetingID, _ state: MeetingState, identifiable: Bool) {
        meetingId = meetingID.description
        type = state.type?.rawValue
        title = state.title
        startsAt = state.startsAt
        endsAt = state.endsAt
        venue = state.venue
        theme = state.theme
        status = state.isCancelled ? "cancelled" : state.isHeld ? "held" : "scheduled"
        sequence = state.sequence
        invitees = identifiable ? state.invitees : nil
        attendance = identifiable ? state.attendance : nil
        agenda = state.agenda.map { AgendaItem(caseId: $0.description, reference: $0.reference) }
        minutes = state.minutes
        actions = state.actions.map {
            Action(
                actionId: $0.id.description, description: $0.description, owner: $0.owner, dueDate: $0.dueDate.iso,
                caseReference: $0.caseID.map(\.reference), completedOn: $0.completedOn?.iso)
        }
    }
}

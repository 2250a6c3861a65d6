import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import Foundation

extension EmailComposer {
    /// A meeting's invitation, update (a higher SEQUENCE of the same UID) or cancellation (METHOD:CANCEL), with
    /// the iCalendar part calendar clients expect. The meeting's title and the case references are all it says.
    package func composeMeeting(_ row: OutboxRow, state: MeetingState, now: Date) throws(Problem) -> MailMessage {
        guard let template = templates[row.template] else {
            throw Problem(description: "there is no email template \"\(row.template)\" in Workflows/emails")
        }
        guard let meetingID = state.meetingID, let start = state.startsAt, let end = state.endsAt,
            let address = row.recipientAddress
        else { throw Problem(description: "the meeting or its invitee is not known") }
        let cancelling = OutboxTables.emailID(row.outboxID).hasPrefix("cancellation:")
        let references = state.agenda.map(CaseTables.reference(of:)).joined(separator: ", ")
        let values: [String: String] = [
            "meetingTitle": state.title,
            "meetingStart": DayFormatter.dayAndTime(start) + (cancelling ? " (CANCELLED)" : ""),
            "meetingPlace": state.venue?.label ?? "to be confirmed",
            "caseReference": references.isEmpty ? "(none yet)" : references,
            "contactName": row.agencyName ?? "colleague",
            "panelName": configuration.panelName,
            "coordinatorName": configuration.coordinatorName,
            "coordinatorEmail": configuration.coordinatorEmail,
            "recipientRole": "an invitee",
        ]
        let rendered: (subject: String, body: String)
        do {
            rendered = try template.render(values: values)
        } catch {
            throw Problem(description: "the template \(row.template) cannot be filled: \(error)")
        }
        do {
            let domain = configuration.mail.sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
            let organizer = try MailAddress(configuration.coordinatorEmail, displayName: configuration.coordinatorName)
            let attendees = try state.invitees.map { invitee in
                MeetingInvitation.Attendee(
                    try MailAddress(invitee.email, displayName: invitee.name), role: invitee.role == .chair ? .chair : .required)
            }
            let invitation = MeetingInvitation(
                uid: "\(meetingID)@\(domain)", sequence: row.reminderNumber ?? state.sequence,
                status: cancelling ? .cancelled : .scheduled, organizer: organizer, attendees: attendees,
                start: start, end: end, stamp: now, summary: state.title,
                description: "Cases: \(references.isEmpty ? "none yet" : references)", location: state.venue?.place,
                callLink: state.venue?.callLink)
            return MailMessage(
                from: try MailAddress(configuration.mail.sender.address, displayName: configuration.panelName),
                to: [try MailAddress(address, displayName: row.agencyName)], replyTo: organizer,
                subject: (cancelling ? "Cancelled: " : "") + rendered.subject, date: now,
                messageID: try MessageID(eventID: NameBasedUUID.make("outbox|" + row.outboxID), domain: domain),
                textBody: rendered.body, calendar: try invitation.calendarPart())
        } catch {
            throw Problem(description: "the invitation cannot be written: \(error)")
        }
    }
}

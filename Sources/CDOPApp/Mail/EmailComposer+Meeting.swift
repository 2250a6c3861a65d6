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
        let references = state.agenda.map(\.reference).joined(separator: ", ")
        let values: [String: String] = [
            "meetingTitle": state.title,
            "meetingStart": DayFormatter.dayAndTime(start)
                + (cancelling
                    ? " (CANCELLED)"
                    : Self.movedFrom(row, state).map { " (moved: it was \(DayFormatter.dayAndTime($0)))" } ?? ""),
            "meetingPlace": state.venue?.label ?? "to be confirmed",
            "caseReference": references.isEmpty ? "(none yet)" : references,
            "contactName": row.agencyName ?? "colleague",
            "panelName": configuration.panelName,
            "coordinatorName": EmailWording.midSentence(configuration.coordinatorName),
            "coordinatorEmail": configuration.coordinatorEmail,
            "recipientRole": "an invitee",
        ]
        let rendered: (subject: String, body: String)
        do {
            rendered = EmailWording.tidy(try template.render(values: values))
        } catch {
            throw Problem(description: "the template \(row.template) cannot be filled: \(error)")
        }
        do {
            let domain = configuration.mail.sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
            let organizer = try MailAddress(configuration.coordinatorEmail, displayName: configuration.coordinatorName)
            let attendees = try state.invitees.map { invitee in
                MeetingInvitation.Attendee(
                    try MailAddress(invitee.email, displayName: invitee.name),
                    role: invitee.role == .chair ? .chair : .required)
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
                subject: Self.meetingSubject(
                    rendered.subject, row: row, state: state, references: references, cancelling: cancelling),
                date: now,
                messageID: try MessageID(eventID: NameBasedUUID.make("outbox|" + row.outboxID), domain: domain),
                textBody: rendered.body, calendar: try invitation.calendarPart())
        } catch {
            throw Problem(description: "the invitation cannot be written: \(error)")
        }
    }

    /// When the meeting was to start before the move an update is about; nil for a first invitation, or an
    /// update that kept the time.
    static func movedFrom(_ row: OutboxRow, _ state: MeetingState) -> Date? {
        let sequence = row.reminderNumber ?? state.sequence
        guard sequence > 0, let start = state.startsAt,
            let earlier = state.startsAtBySequence.filter({ $0.key < sequence }).max(by: { $0.key < $1.key })?.value,
            earlier != start
        else { return nil }
        return earlier
    }

    /// The subject of a meeting's email: a cancellation reads "Cancelled: <title>, <start>", a moved meeting
    /// "Moved: <title> now on <start> (was <earlier start>)", and a title that already names the cases is not
    /// followed by their references again.
    static func meetingSubject(
        _ subject: String, row: OutboxRow, state: MeetingState, references: String, cancelling: Bool
    ) -> String {
        guard let start = state.startsAt else { return subject }
        let named = !references.isEmpty && state.agenda.allSatisfy { state.title.contains($0.reference) }
        let cases = references.isEmpty || named ? "" : ", case \(references)"
        if cancelling { return "Cancelled: \(state.title)\(cases), \(DayFormatter.dayAndTime(start))" }
        if let earlier = movedFrom(row, state) {
            return
                "Moved: \(state.title)\(cases) now on \(DayFormatter.dayAndTime(start)) (was \(DayFormatter.dayAndTime(earlier)))"
        }
        return named ? subject.replacingOccurrences(of: ", case \(references)", with: "") : subject
    }
}

import Foundation

/// A meeting as sent to its invitees' calendars (an iTIP REQUEST or CANCEL of one VEVENT, RFC 5546).
///
/// The `uid` stays the same for the life of the meeting; the `sequence` goes up by one with every change
/// sent (a reschedule, a change of place, a cancellation), which is how a calendar tells an update of
/// the meeting it holds from a second meeting.
package struct MeetingInvitation: Sendable, Hashable {
    package var uid: String
    package var sequence: Int
    package var status: Status
    package var organizer: MailAddress
    package var attendees: [Attendee]
    /// The instants the meeting starts and ends; written as Europe/London wall times.
    package var start: Date
    package var end: Date
    /// When this version of the invitation was made (DTSTAMP); given, never read from a clock.
    package var stamp: Date
    package var summary: String
    package var description: String
    package var location: String?
    /// A link to join by video call, if any; written as URL and repeated in the description.
    package var callLink: String?

    package enum Status: Sendable, Hashable {
        case scheduled
        case cancelled
    }

    /// An invitee and the part they play.
    package struct Attendee: Sendable, Hashable {
        package var address: MailAddress
        package var role: Role

        package init(_ address: MailAddress, role: Role) {
            self.address = address
            self.role = role
        }
    }

    /// ROLE of RFC 5545 section 3.2.16.
    package enum Role: String, Sendable, Hashable {
        case chair = "CHAIR"
        case required = "REQ-PARTICIPANT"
        case optional = "OPT-PARTICIPANT"
    }

    package init(
        uid: String, sequence: Int, status: Status = .scheduled, organizer: MailAddress, attendees: [Attendee],
        start: Date, end: Date, stamp: Date, summary: String, description: String, location: String? = nil,
        callLink: String? = nil
    ) {
        self.uid = uid
        self.sequence = sequence
        self.status = status
        self.organizer = organizer
        self.attendees = attendees
        self.start = start
        self.end = end
        self.stamp = stamp
        self.summary = summary
        self.description = description
        self.location = location
        self.callLink = callLink
    }

    /// The iTIP method this invitation is sent with.
    package var method: ICalendarMethod { status == .cancelled ? .cancel : .request }
}

/// Why an invitation cannot be written.
package enum MeetingInvitationError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyUID
    case negativeSequence(Int)
    case endNotAfterStart
    case noAttendees
    case invalidCallLink(String)

    package var description: String {
        switch self {
        case .emptyUID: "the meeting has no UID"
        case .negativeSequence(let n): "the invitation's SEQUENCE (\(n)) is negative"
        case .endNotAfterStart: "the meeting ends before it starts"
        case .noAttendees: "the meeting has no attendee"
        case .invalidCallLink(let link): "the call link \"\(link)\" is not an http(s) address"
        }
    }
}

import Foundation

extension MeetingInvitation {
    /// The invitation as an iCalendar part of a mail: METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED.
    package func calendarPart() throws(MeetingInvitationError) -> CalendarPart {
        CalendarPart(method: method, content: try iCalendar())
    }

    /// The `VCALENDAR` text: CRLF line endings, lines folded at 75 octets, times as Europe/London wall times
    /// with the VTIMEZONE that defines them, DTSTAMP in UTC.
    package func iCalendar() throws(MeetingInvitationError) -> String {
        try validate()
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:-//cdop//Child Death Overview Panel//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:\(method.rawValue)",
        ]
        lines += EuropeLondonVTimezone.lines
        lines += [
            "BEGIN:VEVENT",
            "UID:\(ICalendarText.escape(uid))",
            "SEQUENCE:\(sequence)",
            "DTSTAMP:\(Self.utcStamp(stamp))",
            "DTSTART;TZID=\(EuropeLondon.identifier):\(Self.localStamp(start))",
            "DTEND;TZID=\(EuropeLondon.identifier):\(Self.localStamp(end))",
            "SUMMARY:\(ICalendarText.escape(summary))",
            "DESCRIPTION:\(ICalendarText.escape(fullDescription))",
        ]
        if let place = location ?? callLink { lines.append("LOCATION:\(ICalendarText.escape(place))") }
        if let callLink { lines.append("URL:\(callLink)") }
        lines.append("ORGANIZER\(Self.commonName(organizer)):mailto:\(organizer.address)")
        for attendee in attendees {
            let reply = status == .scheduled ? ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE" : ""
            lines.append(
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=\(attendee.role.rawValue)\(reply)\(Self.commonName(attendee.address))"
                    + ":mailto:\(attendee.address.address)")
        }
        lines += [
            "STATUS:\(status == .scheduled ? "CONFIRMED" : "CANCELLED")",
            "TRANSP:OPAQUE",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return lines.flatMap(ICalendarText.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The description, with the call link on a line of its own when there is one.
    private var fullDescription: String {
        guard let callLink else { return description }
        return description.isEmpty ? "Join the call: \(callLink)" : "\(description)\n\nJoin the call: \(callLink)"
    }

    private func validate() throws(MeetingInvitationError) {
        guard !uid.trimmingWhitespace().isEmpty else { throw .emptyUID }
        guard sequence >= 0 else { throw .negativeSequence(sequence) }
        guard end > start else { throw .endNotAfterStart }
        guard !attendees.isEmpty else { throw .noAttendees }
        if let callLink {
            let lower = callLink.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
                callLink.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "\"") })
            else { throw .invalidCallLink(callLink) }
        }
    }

    private static func commonName(_ address: MailAddress) -> String {
        guard let name = address.displayName else { return "" }
        return ";CN=\(ICalendarText.parameterValue(name))"
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utcStamp(_ instant: Date) -> String { basicFormat(CivilDateTime(utc: instant)) + "Z" }

    /// `YYYYMMDDTHHMMSS` in London wall time.
    static func localStamp(_ instant: Date) -> String { basicFormat(EuropeLondon.localTime(at: instant)) }

    private static func basicFormat(_ t: CivilDateTime) -> String {
        "\(pad(t.year, 4))\(pad(t.month))\(pad(t.day))T\(pad(t.hour))\(pad(t.minute))\(pad(t.second))"
    }
}

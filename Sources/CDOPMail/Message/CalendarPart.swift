/// An iCalendar object carried by a mail: the text of a `VCALENDAR` and its iTIP method.
///
/// Made by `MeetingInvitation.calendarPart()`; the renderer attaches it both as a `text/calendar`
/// alternative (which calendar clients act on) and as an `invite.ics` attachment.
package struct CalendarPart: Sendable, Hashable {
    package var method: ICalendarMethod
    /// The whole `BEGIN:VCALENDAR` ... `END:VCALENDAR` text, CRLF line endings, lines folded at 75 octets.
    package var content: String

    package init(method: ICalendarMethod, content: String) {
        self.method = method
        self.content = content
    }
}

/// The iTIP method of a calendar object (RFC 5546).
package enum ICalendarMethod: String, Sendable, Hashable {
    /// An invitation, or an update of one (a higher SEQUENCE).
    case request = "REQUEST"
    /// The meeting no longer takes place.
    case cancel = "CANCEL"
}

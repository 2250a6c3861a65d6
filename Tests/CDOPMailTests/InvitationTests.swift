import CDOPMail
import Foundation
import Testing

@Suite("Meeting invitations (iCalendar, RFC 5545 / iTIP)")
struct InvitationTests {
    @Test("An invitation parses with icalendar and its times are right on both sides of the October clock change")
    func clockChange() async throws {
        try await withTemporaryDirectory { directory in
            var friday = Fixtures.rapidResponseMeeting()
            var monday = friday
            monday.uid = "meeting-monday@cdop.example.org"
            monday.start = Fixtures.london(2026, 10, 26, 14)
            monday.end = Fixtures.london(2026, 10, 26, 15, 30)
            let fridayCal = try await PythonCheck.parseCalendar(try friday.iCalendar(), in: directory)
            let mondayCal = try await PythonCheck.parseCalendar(try monday.iCalendar(), in: directory)
            let f = try #require(fridayCal.events.first)
            let m = try #require(mondayCal.events.first)
            // Friday 23 October 2026 is in BST: 14:00 London is 13:00 UTC.
            #expect(f.dtstartUtc == "2026-10-23T13:00:00Z")
            #expect(f.dtendUtc == "2026-10-23T14:30:00Z")
            // Monday 26 October 2026 is in GMT: 14:00 London is 14:00 UTC.
            #expect(m.dtstartUtc == "2026-10-26T14:00:00Z")
            #expect(m.dtendUtc == "2026-10-26T15:30:00Z")
            // The VTIMEZONE block carried in the file gives the same instants on its own.
            #expect(f.dtstartUtcViaVtimezone == "2026-10-23T13:00:00Z")
            #expect(m.dtstartUtcViaVtimezone == "2026-10-26T14:00:00Z")
            #expect(m.dtendUtcViaVtimezone == "2026-10-26T15:30:00Z")
            #expect(f.dtstartTzid == "Europe/London")
            #expect(fridayCal.timezones == ["Europe/London"])
            friday.start = Fixtures.london(2027, 3, 26, 9)
            friday.end = Fixtures.london(2027, 3, 29, 9)
            let march = try await PythonCheck.parseCalendar(try friday.iCalendar(), in: directory).events[0]
            #expect(march.dtstartUtcViaVtimezone == "2027-03-26T09:00:00Z")
            #expect(march.dtendUtcViaVtimezone == "2027-03-29T08:00:00Z")
        }
    }

    @Test("A request carries METHOD:REQUEST, UID, SEQUENCE, DTSTAMP in UTC, organizer and attendees with roles")
    func requestContent() async throws {
        try await withTemporaryDirectory { directory in
            let meeting = Fixtures.rapidResponseMeeting()
            let cal = try await PythonCheck.parseCalendar(try meeting.iCalendar(), in: directory)
            #expect(cal.method == "REQUEST")
            let event = try #require(cal.events.first)
            #expect(event.uid == meeting.uid)
            #expect(event.sequence == 0)
            #expect(event.status == "CONFIRMED")
            #expect(event.dtstampUtc == "2026-10-19T08:53:20Z")
            #expect(event.summary == meeting.summary)
            #expect(event.description == meeting.description + "\n\nJoin the call: " + (meeting.callLink ?? ""))
            #expect(event.location == meeting.location)
            #expect(event.url == meeting.callLink)
            #expect(event.organizer == .init(address: "designated.doctor@cdop.example.org", cn: "Dr Amara Okafor"))
            #expect(
                event.attendees.map(\.role) == [
                    "CHAIR", "REQ-PARTICIPANT", "REQ-PARTICIPANT", "OPT-PARTICIPANT", "OPT-PARTICIPANT",
                ])
            #expect(event.attendees.allSatisfy { $0.partstat == "NEEDS-ACTION" && $0.rsvp == "TRUE" })
            #expect(event.attendees.map(\.cn) == meeting.attendees.map(\.address.displayName))
            #expect(event.attendees.map(\.address) == meeting.attendees.map(\.address.address))
        }
    }

    @Test("A reschedule keeps the UID and raises SEQUENCE; a cancellation is METHOD:CANCEL with STATUS:CANCELLED")
    func rescheduleAndCancel() async throws {
        try await withTemporaryDirectory { directory in
            let original = Fixtures.rapidResponseMeeting(sequence: 0)
            let moved = original.rescheduled(
                start: Fixtures.london(2026, 10, 29, 10), end: Fixtures.london(2026, 10, 29, 11),
                stamp: original.stamp.addingTimeInterval(3600))
            let cancelled = moved.cancelled(stamp: moved.stamp.addingTimeInterval(3600))
            let calendars = [
                try await PythonCheck.parseCalendar(try original.iCalendar(), in: directory),
                try await PythonCheck.parseCalendar(try moved.iCalendar(), in: directory),
                try await PythonCheck.parseCalendar(try cancelled.iCalendar(), in: directory),
            ]
            #expect(calendars.map { $0.events[0].uid } == Array(repeating: original.uid, count: 3))
            #expect(calendars.map { $0.events[0].sequence } == [0, 1, 2])
            #expect(calendars.map(\.method) == ["REQUEST", "REQUEST", "CANCEL"])
            #expect(calendars.map { $0.events[0].status } == ["CONFIRMED", "CONFIRMED", "CANCELLED"])
            #expect(calendars[1].events[0].dtstartUtc == "2026-10-29T10:00:00Z")
            #expect(try cancelled.calendarPart().method == .cancel)
        }
    }

    @Test("Texts with backslashes, semicolons, commas, newlines and any script survive escaping and folding")
    func escapingAndFolding() async throws {
        try await withTemporaryDirectory { directory in
            var meeting = Fixtures.rapidResponseMeeting()
            meeting.summary = "Panel; review, part 2 \\ Zoë – Łukasz – Siobhán"
            meeting.description = String(repeating: "Ünïcödé ✓ 🇬🇧 , ; \\ ", count: 30) + "\r\nend\nline"
            meeting.location = nil
            meeting.callLink = nil
            let text = try meeting.iCalendar()
            let physical = text.components(separatedBy: "\r\n").dropLast()
            #expect(physical.allSatisfy { $0.utf8.count <= 75 }, "lines are folded at 75 octets")
            let cal = try await PythonCheck.parseCalendar(text, in: directory)
            #expect(cal.crlfOnly)
            #expect(cal.maxLineOctets <= 75)
            let event = try #require(cal.events.first)
            #expect(event.summary == meeting.summary)
            #expect(event.description == meeting.description.replacingOccurrences(of: "\r\n", with: "\n"))
            #expect(event.location == nil)
        }
    }

    @Test("An invitation that cannot be right is refused")
    func refusals() {
        var m = Fixtures.rapidResponseMeeting()
        m.end = m.start
        #expect(throws: MeetingInvitationError.endNotAfterStart) { try m.iCalendar() }
        m = Fixtures.rapidResponseMeeting()
        m.attendees = []
        #expect(throws: MeetingInvitationError.noAttendees) { try m.iCalendar() }
        m = Fixtures.rapidResponseMeeting()
        m.callLink = "javascript:alert(1)"
        #expect(throws: MeetingInvitationError.invalidCallLink("javascript:alert(1)")) { try m.iCalendar() }
        m = Fixtures.rapidResponseMeeting()
        m.sequence = -1
        #expect(throws: MeetingInvitationError.negativeSequence(-1)) { try m.iCalendar() }
    }

    @Test("An invitation mail carries a text/calendar alternative with method=REQUEST and an invite.ics attachment")
    func invitationMail() async throws {
        try await withTemporaryDirectory { directory in
            let meeting = Fixtures.rapidResponseMeeting(sequence: 3)
            var message = Fixtures.formBRequest()
            message.subject = "Invitation: rapid response meeting, Friday 23 October 2026 14:00"
            message.calendar = try meeting.calendarPart()
            let parsed = try await PythonCheck.parseMail(try MIMERenderer.render(message).data, in: directory)
            #expect(parsed.defects == [])
            #expect(
                parsed.structure == [
                    "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar",
                    "application/ics",
                ])
            #expect(parsed.calendars.map(\.source) == ["alternative", "attachment"])
            #expect(parsed.calendars.first?.methodParam == "REQUEST")
            #expect(parsed.attachments.map(\.filename) == ["invite.ics"])
            for calendar in parsed.calendars {
                #expect(calendar.ics.method == "REQUEST")
                #expect(calendar.ics.events.first?.uid == meeting.uid)
                #expect(calendar.ics.events.first?.sequence == 3)
                #expect(calendar.ics.events.first?.dtstartUtc == "2026-10-23T13:00:00Z")
            }
        }
    }
}

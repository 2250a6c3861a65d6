import Foundation
import Testing

@testable import CDOPDomain

@Suite("Moving a meeting")
struct MeetingMoveTests {
    @Test("A meeting cannot be moved to a time already past")
    func notIntoThePast() throws {
        let venue = MeetingVenue(place: "Room 4, Northshire Hospital")
        let past = Sample.now.addingTimeInterval(-3600)
        Given(MeetingDecider.self, try MeetingTests.scheduled())
            .when(.reschedule(startsAt: past, endsAt: past.addingTimeInterval(3600), venue: venue))
            .thenRejected("meeting.startInPast")
    }

    @Test("A call link must be a web address: javascript: and data: links are refused")
    func onlyWebCallLinks() throws {
        for link in ["javascript:alert(1)", "data:text/html,hello", "ftp://meet.example.org/a"] {
            let start = MeetingTests.start
            Given(MeetingDecider.self, try MeetingTests.scheduled())
                .when(.reschedule(startsAt: start, endsAt: start.addingTimeInterval(3600), venue: MeetingVenue(callLink: link)))
                .thenRejected("meeting.callLinkInvalid")
        }
    }
}

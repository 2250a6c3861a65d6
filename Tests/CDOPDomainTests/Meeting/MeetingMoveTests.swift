import Foundation
import Testing

@testable import CDOPDomain

@Suite("Moving a meeting")
struct MeetingMoveTests {
    @Test("A meeting cannot be moved to a time already past")
    func notIntoThePast() throws {
        let venue = MeetingVenue(place: "Room 4, Northshire Hospital")
        let past = Sample.now.addingTimeInterval(-3600)
        Given(MeetingDecider.self, try MeetingStory.scheduled())
            .when(.reschedule(startsAt: past, endsAt: past.addingTimeInterval(3600), venue: venue))
            .thenRejected("meeting.startInPast")
    }

    @Test("A call link must be a web address: javascript: and data: links are refused")
    func onlyWebCallLinks() throws {
        for link in ["javascript:alert(1)", "data:text/html,hello", "ftp://meet.example.org/a"] {
            let start = MeetingStory.start
            Given(MeetingDecider.self, try MeetingStory.scheduled())
                .when(
                    .reschedule(
                        startsAt: start, endsAt: start.addingTimeInterval(3600), venue: MeetingVenue(callLink: link))
                )
                .thenRejected("meeting.callLinkInvalid")
        }
    }

    @Test("Someone whose invitation was sent and then withdrawn gets a cancellation; one never sent gets nothing")
    func withdrawnInviteeGetsACancellation() throws {
        let sent = MeetingCommand.recordEmailSent(
            EmailOutcome(
                outboxID: "invitation:robin.officer@police.example.org:0", messageID: "m1",
                template: "meeting-invitation",
                recipientRole: "invitee", route: "spool", attempts: 1))
        let events = try history(
            MeetingDecider.self,
            [
                sent, .withdrawInvitation(email: MeetingStory.police.email),
                .withdrawInvitation(email: MeetingStory.paediatrician.email),
            ],
            from: try MeetingStory.scheduled())
        let emails = MeetingDecider.fold(events).outboxEmails
        let cancellations = emails.filter { $0.id.hasPrefix("cancellation:") }
        // Recorded under the id's earlier form (the email itself), read as today's.
        #expect(
            cancellations.map(\.id) == ["cancellation:" + MeetingState.emailKey("robin.officer@police.example.org")])
        #expect(!emails.contains { $0.id.contains("@") }, "no id holds an email")
        #expect(cancellations.first?.state == .pending)
        #expect(
            !emails.contains { $0.id.contains(MeetingState.emailKey(MeetingStory.paediatrician.email)) },
            "the unsent invitation is not sent, nor cancelled")
    }
}

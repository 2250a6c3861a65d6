import CDOPApp
import CDOPDomain
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Meeting pages answer bad input as every other page does: the page again, the error beside the field and in
/// the summary, and what was typed kept.
@Suite("Errors on the meeting pages")
struct MeetingPageErrorTests {
    @Test("Scheduling without a time comes back with the error and what was typed")
    func schedulingWithoutATimeComesBackWithTheErrorAndWhatWasTyped() async throws {
        let fixture = try await WebFixture()
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let response = try await browser.post(
                "/meetings", [("type", "childDeathReview"), ("title", "Review <Northgate>"), ("duration", "5")],
                csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(##"<a href="#starts">Enter the date and time"##), "\(html)")
            #expect(html.contains(#"id="starts-error""#) && html.contains(#"id="duration-error""#))
            #expect(html.contains(#"value="Review &lt;Northgate&gt;""#), "the title typed is kept, escaped")
            #expect(html.contains(#"<option value="childDeathReview" selected>"#))
        }
    }

    @Test("A domain refusal on a meeting is shown beside its form")
    func aDomainRefusalOnAMeetingIsShownBesideItsForm() async throws {
        let fixture = try await WebFixture()
        let meetingID = MeetingID(UUID())
        let start = fixture.clock.now().addingTimeInterval(7 * 86_400)
        try await fixture.engine.workflow.execute(
            .schedule(
                meetingID: meetingID, type: .panel, title: "June panel", startsAt: start,
                endsAt: start.addingTimeInterval(7200),
                venue: MeetingVenue(place: "Room 4"), theme: nil),
            on: meetingID, by: Actor(name: "casey.coordinator", role: "coordinator"))
        try await fixture.engine.workflow.execute(
            .invite(Invitee(name: "Pat Panel", email: "pat@example.org", role: .panelMember)), on: meetingID,
            by: Actor(name: "casey.coordinator", role: "coordinator"))
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let early = try await browser.post(
                "/meetings/\(meetingID)/held", [("attendance-0", "attended")], csrf: csrf)
            #expect(early.status == .unprocessableContent)
            let html = String(buffer: early.body)
            #expect(
                html.contains(#"id="held-error""#) && html.contains("cannot be recorded as held before then"), "\(html)"
            )

            let action = try await browser.post(
                "/meetings/\(meetingID)/actions", [("owner", "Health visiting lead"), ("due", "31/12/2026")], csrf: csrf
            )
            #expect(action.status == .unprocessableContent)
            let actionHTML = String(buffer: action.body)
            #expect(actionHTML.contains(#"id="description-error""#) && actionHTML.contains(#"id="due-error""#))
            #expect(actionHTML.contains(#"value="Health visiting lead""#))
        }
    }
}

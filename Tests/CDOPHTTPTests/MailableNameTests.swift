import CDOPApp
import CDOPDomain
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A name that goes into an email header and could never be mailed (a line break, `"x" <y>, z`) is refused where
/// it is typed, as a field error: a 422 problem with a JSON Pointer from the API, the error beside its field on a page.
@Suite("Names that could never be mailed")
struct MailableNameTests {
    /// A case triaged as unexpected (its rapid response open), by the designated doctor.
    static func unexpectedCase(_ fixture: inout WebFixture) throws -> CaseID {
        let caseID = try fixture.engine.workflow.notify(
            fixture.notification(), by: Actor(name: "casey.coordinator", role: "coordinator")
        ).caseID
        try fixture.engine.workflow.execute(
            .triage(expectation: .unexpected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID,
            by: Actor(name: "dana.doctor", role: "designated-doctor"))
        return caseID
    }

    @Test("An unmailable invitee name from the API is a 422 problem pointing at the name")
    func anUnmailableInviteeNameFromTheAPIIsA422ProblemPointingAtTheName() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.unexpectedCase(&fixture)
        let doctor = fixture.usernames[.designatedDoctor]!
        let (workflow, now) = (fixture.engine.workflow, fixture.clock.now())
        try await fixture.application.test(.router) { client in
            let (browser, csrf) = try await Browser.signedInToTheAPI(client, doctor)
            let convened = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/rapid-response",
                try JSONAPI.body([
                    "startsAt": "2026-06-02T10:00:00Z", "endsAt": "2026-06-02T11:00:00Z", "place": "Room 4",
                    "invitees": [
                        [
                            "name": "Siobhán Ní Bhriain", "email": "siobhan@hospital.example.org",
                            "role": "paediatrician",
                        ],
                        ["name": #""x" <y@example.org>, z"#, "email": "z@example.org", "role": "other"],
                    ],
                ]), cookies: browser.cookieHeader, csrf: csrf)
            #expect(convened.status == .unprocessableContent, "\(String(buffer: convened.body))")
            let problem = JSONAPI.object(convened)
            #expect(problem["code"] as? String == "input.invalidName")
            let errors = problem["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { $0["pointer"] as? String } == ["/invitees/1/name"], "\(problem)")
            #expect((errors.first?["detail"] as? String)?.contains("name of invitee 2") == true, "\(problem)")
            #expect(try workflow.caseState(caseID).rapidResponse?.meetings.isEmpty != false, "nothing convened")

            let meetingID = MeetingID(UUID())
            let start = now.addingTimeInterval(86_400)
            try await workflow.execute(
                .schedule(
                    meetingID: meetingID, type: .childDeathReview, title: "Review", startsAt: start,
                    endsAt: start.addingTimeInterval(3_600),
                    venue: MeetingVenue(place: "Room 4"), theme: nil),
                on: meetingID, by: Actor(name: "dana.doctor", role: "designated-doctor"))
            let invited = try await JSONAPI.post(
                client, "/api/v1/meetings/\(meetingID)/commands",
                try JSONAPI.body([
                    "command": "invite", "name": "Pat\r\nBcc: all@evil.example", "email": "pat@example.org",
                    "role": "panelMember",
                ]), cookies: browser.cookieHeader, csrf: csrf)
            #expect(invited.status == .unprocessableContent, "\(String(buffer: invited.body))")
            #expect((JSONAPI.object(invited)["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/name")
            #expect(try workflow.meetingState(meetingID).invitees.isEmpty)
        }
    }

    @Test("An unmailable invitee name on the convening page comes back beside its row")
    func anUnmailableInviteeNameOnTheConveningPageComesBackBesideItsRow() async throws {
        var fixture = try await WebFixture()
        let caseID = try Self.unexpectedCase(&fixture)
        let workflow = fixture.engine.workflow
        try await fixture.browse(as: .designatedDoctor) { browser, csrf in
            let response = try await browser.post(
                "/cases/\(caseID)/rapid-response",
                [
                    ("starts", "2026-06-02T10:00"), ("duration", "60"), ("place", "Room 4"),
                    ("invitees[0].name", "Robin\r\nBcc: all@evil.example"),
                    ("invitees[0].email", "robin@police.example.org"),
                    ("invitees[0].role", "police"),
                ], csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(#"id="invitees-0-name-error""#) && html.contains("contains a line break"), "\(html)")
            #expect(try workflow.caseState(caseID).rapidResponse?.meetings.isEmpty != false, "nothing convened")
        }
    }

    @Test("An agency contact name that cannot be mailed comes back beside the contact's name")
    func anAgencyContactNameThatCannotBeMailedComesBackBesideTheContactsName() async throws {
        let fixture = try await WebFixture()
        let coordinator = fixture.usernames[.coordinator]!
        try await fixture.browse(as: .coordinator) { browser, csrf in
            let response = try await browser.post(
                "/agencies",
                [
                    ("name", "Northgate Surgery"), ("kind", "gp"), ("contact-name", #""Jo" <jo@evil.example>, all"#),
                    ("contact-email", "jo@northgate.example.org"),
                ],
                csrf: csrf)
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(##"href="#contact-name""##) && html.contains("contains a quotation mark"), "\(html)")
        }
    }
}

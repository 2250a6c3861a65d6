import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPHTTP
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The JSON API's meetings, the panel's outcome and user administration: the same commands, roles and
/// refusals as the pages.
@Suite("Meetings, outcomes and accounts through the JSON API")
struct MeetingAndUserAPITests {
    @Test("A coordinator runs a panel meeting and the panel records the outcome through the API")
    func aCoordinatorRunsAPanelMeetingAndThePanelRecordsTheOutcomeThroughTheAPI() async throws {
        var fixture = try await WebFixture()
        let (caseID, requestID, _) = try fixture.caseWithFormBRequested()
        let workflow = fixture.engine.workflow
        try await workflow.execute(
            .waiveFormRequest(requestID: requestID, reason: "The GP had no contact"), on: caseID,
            by: Actor(name: "casey.coordinator", role: "coordinator"))
        try await workflow.execute(
            .triage(expectation: .expected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID,
            by: Actor(name: "dana.doctor", role: "designated-doctor"))
        try await workflow.execute(
            .markReadyForPanel, on: caseID, by: Actor(name: "casey.coordinator", role: "coordinator"))
        let coordinator = fixture.usernames[.coordinator]!
        let panel = fixture.usernames[.panelMember]!
        try await fixture.application.test(.router) { client in
            var (browser, csrf) = try await Browser.signedInToTheAPI(client, coordinator)
            let scheduled = try await JSONAPI.post(
                client, "/api/v1/meetings",
                try JSONAPI.body([
                    "type": "panel", "title": "June panel", "startsAt": "2026-06-08T13:00:00Z",
                    "endsAt": "2026-06-08T15:00:00Z",
                    "place": "Room 4",
                ]), cookies: browser.cookieHeader, csrf: csrf)
            #expect(scheduled.status == .created, "\(String(buffer: scheduled.body))")
            let meetingID = try #require(JSONAPI.object(scheduled)["meetingId"] as? String)
            let commands = "/api/v1/meetings/\(meetingID)/commands"
            for command: [String: Any] in [
                ["command": "invite", "name": "Pat Panel", "email": "pat@example.org", "role": "panelMember"],
                ["command": "add-case", "caseId": caseID.description],
            ] {
                let response = try await JSONAPI.post(
                    client, commands, try JSONAPI.body(command), cookies: browser.cookieHeader, csrf: csrf)
                #expect(response.status == .ok, "\(command): \(String(buffer: response.body))")
            }
            let wrongRole = try await JSONAPI.post(
                client, commands,
                try JSONAPI.body(["command": "invite", "name": "X", "email": "x@example.org", "role": "astronaut"]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(wrongRole.status == .unprocessableContent)
            #expect((JSONAPI.object(wrongRole)["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/role")

            var (panelBrowser, panelCSRF) = try await Browser.signedInToTheAPI(client, panel)
            let seen = JSONAPI.object(try await panelBrowser.get("/api/v1/meetings/\(meetingID)"))
            #expect((seen["agenda"] as? [[String: Any]])?.first?["caseId"] as? String == caseID.description)
            #expect(seen["invitees"] == nil, "a panel member does not see invitees' details")
            let pseudonymised = try await panelBrowser.get("/api/v1/panel/cases/\(caseID)")
            #expect(pseudonymised.status == .ok)
            #expect(!String(buffer: pseudonymised.body).contains("Testchild"))
            let refused = try await JSONAPI.post(
                client, commands, try JSONAPI.body(["command": "minutes", "text": "x"]),
                cookies: panelBrowser.cookieHeader, csrf: panelCSRF)
            #expect(refused.status == .forbidden)

            let answers: FormAnswers = [
                "reviewed-on": .date(CalendarDate(year: 2026, month: 6, day: 1)!),
                "cause-of-death": .text("Sudden unexpected death in infancy"),
                "factors": .groups([
                    [
                        "domain": .choice("physicalEnvironment"), "description": .text("Shared an adult bed"),
                        "level": .choice("2"),
                        "modifiable": .yesNo(.yes),
                    ]
                ]),
                "categories": .multiple(["10"]),
                "outcome": .choice("modifiableFactorsIdentified"),
                "actions": .groups([
                    [
                        "action": .text("Remind health visitors of safe sleep guidance"),
                        "owner": .text("Health visiting lead"),
                        "due-date": .date(CalendarDate(year: 2026, month: 9, day: 30)!),
                    ]
                ]),
            ]
            let outcomeBody = Data(#"{"answers":"#.utf8) + (try CanonicalJSON.encode(answers)) + Data("}".utf8)
            let recorded = try await JSONAPI.post(
                client, "/api/v1/panel/cases/\(caseID)/outcome", outcomeBody, cookies: panelBrowser.cookieHeader,
                csrf: panelCSRF)
            #expect(recorded.status == .created, "\(String(buffer: recorded.body))")
            #expect(JSONAPI.object(recorded)["stage"] as? String == "panelReviewed")

            let incomplete = try await JSONAPI.post(
                client, "/api/v1/panel/cases/\(caseID)/outcome", Data(#"{"answers": {}}"#.utf8),
                cookies: panelBrowser.cookieHeader,
                csrf: panelCSRF)
            #expect(incomplete.status == .unprocessableContent)
            let pointers =
                (JSONAPI.object(incomplete)["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String }
                ?? []
            #expect(pointers.contains("/answers/outcome"), "\(pointers)")

            let held = try await JSONAPI.post(
                client, commands,
                try JSONAPI.body([
                    "command": "held", "attendance": [["email": "pat@example.org", "status": "attended"]],
                ]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(
                JSONAPI.object(held)["code"] as? String == "meeting.notYetStarted",
                "a meeting is held only once it has begun")
        }
        let state = try workflow.caseState(caseID)
        #expect(state.panelOutcome != nil && state.recommendations.count == 1)
    }

    @Test("An administrator manages accounts through the API and no one else can")
    func anAdministratorManagesAccountsThroughTheAPIAndNoOneElseCan() async throws {
        let fixture = try await WebFixture()
        let admin = fixture.usernames[.admin]!
        let coordinator = fixture.usernames[.coordinator]!
        let code = fixture.adminCode
        try await fixture.application.test(.router) { client in
            var (browser, csrf) = try await Browser.signedInToTheAPI(client, admin, code: code)
            let added = try await JSONAPI.post(
                client, "/api/v1/users",
                try JSONAPI.body([
                    "username": "sam.second", "displayName": "Sam Second", "email": "sam@example.org",
                    "roles": ["coordinator"],
                ]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(added.status == .created, "\(String(buffer: added.body))")
            #expect((JSONAPI.object(added)["password"] as? String)?.count ?? 0 >= 12)
            let disabled = try await JSONAPI.post(
                client, "/api/v1/users/sam.second/commands",
                try JSONAPI.body(["command": "disable", "reason": "Left the team"]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(JSONAPI.object(disabled)["disabled"] as? Bool == true)
            let access = try await JSONAPI.post(
                client, "/api/v1/users/sam.second/commands",
                try JSONAPI.body(["command": "change-access", "roles": ["panel-member"], "areas": ["NTH"]]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(JSONAPI.object(access)["roles"] as? [String] == ["panel-member"])
            let list = try await browser.get("/api/v1/users")
            #expect(String(buffer: list.body).contains("sam.second"))
            #expect(!String(buffer: list.body).contains("password"), "no password or hash is listed")

            var (other, otherCSRF) = try await Browser.signedInToTheAPI(client, coordinator)
            let refused = try await JSONAPI.post(
                client, "/api/v1/users/sam.second/commands", try JSONAPI.body(["command": "enable"]),
                cookies: other.cookieHeader, csrf: otherCSRF)
            #expect(refused.status == .forbidden)
        }
    }
}

import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A meeting belongs to the areas of the cases on it: a user limited to other areas cannot see it or act on it,
/// and on a meeting shared between areas sees and changes only their own areas' cases.
@Suite("Meetings limited to their cases' areas")
struct MeetingAreaLimitTests {
    @Test("A user of another area cannot read or command a meeting of one area's case")
    func aUserOfAnotherAreaCannotReadOrCommandAMeetingOfOneAreasCase() async throws {
        var fixture = try await WebFixture()
        let northCase = try fixture.notifiedCase(in: "NTH")
        let meetingID = try fixture.panelMeeting(with: [northCase])
        let south = try fixture.addLimitedUser(.coordinator, areas: ["STH"])
        let southDoctor = try fixture.addLimitedUser(.designatedDoctor, areas: ["STH"])
        let north = try fixture.addLimitedUser(.coordinator, areas: ["NTH"])
        try await fixture.application.test(.router) { client in
            for username in [south, southDoctor] {
                let (browser, csrf) = try await Browser.signedInToTheAPI(client, username)
                let read = try await client.execute(
                    uri: "/api/v1/meetings/\(meetingID)", method: .get, headers: [.cookie: browser.cookieHeader])
                #expect(read.status == .notFound, "\(username) read another area's meeting")
                let list = try await client.execute(
                    uri: "/api/v1/meetings", method: .get, headers: [.cookie: browser.cookieHeader])
                #expect(
                    !String(buffer: list.body).contains(meetingID.description),
                    "\(username) listed another area's meeting")
                for command: [String: Any] in [
                    ["command": "invite", "name": "Eve Outsider", "email": "eve@evil.example", "role": "other"],
                    ["command": "remove-case", "caseId": northCase.description],
                    ["command": "cancel", "reason": "not mine"],
                ] {
                    let response = try await JSONAPI.post(
                        client, "/api/v1/meetings/\(meetingID)/commands", try JSONAPI.body(command),
                        cookies: browser.cookieHeader, csrf: csrf)
                    #expect(response.status == .notFound, "\(username) \(command["command"]!): \(response.status)")
                }
                var pages = Browser(client)
                _ = try await pages.signIn(username)
                #expect(try await pages.get("/meetings/\(meetingID)").status == .notFound)
                #expect(!String(buffer: try await pages.get("/meetings").body).contains(meetingID.description))
            }
            let (browser, _) = try await Browser.signedInToTheAPI(client, north)
            let read = try await client.execute(
                uri: "/api/v1/meetings/\(meetingID)", method: .get, headers: [.cookie: browser.cookieHeader])
            #expect(read.status == .ok, "the case's own area sees the meeting")
        }
        let state = try fixture.engine.workflow.meetingState(meetingID)
        #expect(state.agenda == [northCase] && state.invitees.count == 1 && !state.isCancelled, "nothing changed")
    }

    @Test("On a meeting shared between areas, each user sees and changes only their own cases")
    func onAMeetingSharedBetweenAreasEachUserSeesAndChangesOnlyTheirOwnCases() async throws {
        var fixture = try await WebFixture()
        let northCase = try fixture.notifiedCase(in: "NTH", surname: "Northchild")
        let southCase = try fixture.notifiedCase(in: "STH", surname: "Southchild")
        let meetingID = try fixture.panelMeeting(with: [northCase, southCase])
        let south = try fixture.addLimitedUser(.coordinator, areas: ["STH"])
        let southPanel = try fixture.addLimitedUser(.panelMember, areas: ["STH"])
        try await fixture.application.test(.router) { client in
            var panel = Browser(client)
            _ = try await panel.signIn(southPanel)
            let panelPage = String(buffer: try await panel.get("/meetings/\(meetingID)").body)
            #expect(!panelPage.contains(northCase.reference), "the panel member sees no other area's case")
            #expect(panelPage.contains(southCase.reference), "but sees their own")
            let (browser, csrf) = try await Browser.signedInToTheAPI(client, south)
            let read = try await client.execute(
                uri: "/api/v1/meetings/\(meetingID)", method: .get, headers: [.cookie: browser.cookieHeader])
            #expect(read.status == .ok)
            let meeting = JSONAPI.object(read)
            let agenda = (meeting["agenda"] as? [[String: Any]] ?? []).compactMap { $0["caseId"] as? String }
            #expect(agenda == [southCase.description], "only the user's area's case is on the agenda they see")
            #expect((meeting["invitees"] as? [Any] ?? []).isEmpty, "no invitee of a meeting they do not wholly cover")
            let commands = "/api/v1/meetings/\(meetingID)/commands"
            let invite = try await JSONAPI.post(
                client, commands,
                try JSONAPI.body([
                    "command": "invite", "name": "Eve Outsider", "email": "eve@evil.example", "role": "other",
                ]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(
                invite.status == .forbidden && JSONAPI.object(invite)["code"] as? String == "meeting.outsideYourAreas")
            let removeOther = try await JSONAPI.post(
                client, commands, try JSONAPI.body(["command": "remove-case", "caseId": northCase.description]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(removeOther.status == .notFound, "another area's case cannot be removed")
            var pages = Browser(client)
            let pageCSRF = try await pages.signIn(south)
            let page = String(buffer: try await pages.get("/meetings/\(meetingID)").body)
            #expect(!page.contains("Pat Panel") && page.contains("areas outside yours"))
            let moved = try await pages.post(
                "/meetings/\(meetingID)/reschedule", [("starts", "2026-06-20T10:00")], csrf: pageCSRF)
            #expect(moved.status == .forbidden, "moving a shared meeting needs every area")
            let removeOwn = try await JSONAPI.post(
                client, commands, try JSONAPI.body(["command": "remove-case", "caseId": southCase.description]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(removeOwn.status == .ok, "\(String(buffer: removeOwn.body))")

        }
        let state = try fixture.engine.workflow.meetingState(meetingID)
        #expect(state.agenda == [northCase] && state.invitees.count == 1)
    }
}

import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A body over the server's limit sent to any API route is refused with 413 and a problem document, whether it
/// comes with its length or chunked, on a real server over a real socket.
@Suite("The API's body size limit")
struct APIBodyLimitTests {
    @Test(
        "Every API POST answers a body over the limit with 413 and an RFC 9457 problem, with a Content-Length or chunked",
        arguments: [(600 * 1024, false), (10 * 1024 * 1024, true)])
    func aBodyOverTheLimitIsAProblem(size: Int, chunked: Bool) async throws {
        var fixture = try await WebFixture()
        let (caseID, _, token) = try fixture.caseWithFormBRequested()
        let meetingID = MeetingID(UUID())
        let start = fixture.clock.now().addingTimeInterval(86_400)
        try await fixture.engine.workflow.execute(
            .schedule(
                meetingID: meetingID, type: .panel, title: "Panel", startsAt: start,
                endsAt: start.addingTimeInterval(3_600),
                venue: MeetingVenue(place: "Room 1", callLink: nil), theme: nil),
            on: meetingID, by: Actor(name: "casey.coordinator", role: "coordinator"))
        let routes = fixture.routes.specs.filter { $0.kind == .api && $0.method == "POST" }
        #expect(routes.count >= 9, "every API POST route is walked")
        let usernames = fixture.usernames
        let adminCode = fixture.adminCode
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: size)
        try await fixture.application.test(.live) { client in
            let port = try #require(client.port)
            var sessions: [StaffRole: (cookies: String, csrf: String)] = [:]
            for role in [StaffRole.coordinator, .designatedDoctor, .admin] {
                var browser = Browser(client)
                let csrf = try await browser.signIn(usernames[role]!, code: role == .admin ? adminCode : nil)
                sessions[role] = (browser.cookieHeader, csrf)
            }
            for route in routes {
                let path = route.path.replacingOccurrences(of: ":case", with: caseID.description)
                    .replacingOccurrences(of: ":meeting", with: meetingID.description)
                    .replacingOccurrences(of: ":token", with: token)
                    .replacingOccurrences(of: ":user", with: usernames[.panelMember]!)
                var headers = ["Content-Type": "application/json"]
                if case .staff(let roles) = route.access,
                    let role = [StaffRole.coordinator, .designatedDoctor, .admin].first(where: roles.contains),
                    let session = sessions[role]
                {
                    headers["Cookie"] = session.cookies
                    headers[CSRF.headerName.rawName] = session.csrf
                }
                let answer = try await RawHTTP.post(port: port, path, headers: headers, body: body, chunked: chunked)
                #expect(answer.status == 413, "\(route): \(answer.status) \(answer.body)")
                let problem = try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
                #expect(problem?["code"] as? String == "input.tooLarge", "\(route): \(answer.body)")
                #expect(problem?["status"] as? Int == 413, "\(route)")
            }
        }
    }
}

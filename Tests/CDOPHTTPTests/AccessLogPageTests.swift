import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The administrators' access log page: who viewed which case and who was refused it, with the case's
/// reference, filtered by account, case and day; no one else may read it.
@Suite("The access log page")
struct AccessLogPageTests {
    @Test("An administrator sees a case view and a refused case access, with the case's reference")
    func anAdministratorSeesACaseViewAndARefusedCaseAccessWithTheCasesReference() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.engine.workflow.notify(
            fixture.notification(), by: Actor(name: "casey.coordinator", role: "coordinator")
        ).caseID
        let reference = caseID.reference
        let (usernames, adminCode) = (fixture.usernames, fixture.adminCode)
        // A coordinator limited to another area, refused the case by its area.
        let east = try fixture.services.users.addUser(
            username: "erin.east", displayName: "Erin East", email: "erin@example.org", roles: [.coordinator],
            areas: ["EST"],
            by: Actor(name: "setup", role: "admin"))
        try fixture.services.users.changePassword(east.userID, old: east.initialPassword, new: WebFixture.password)
        try await fixture.application.test(.router) { client in
            var coordinator = Browser(client)
            _ = try await coordinator.signIn(usernames[.coordinator]!)
            #expect(try await coordinator.get("/cases/\(caseID)").status == .ok)
            var panel = Browser(client)
            _ = try await panel.signIn(usernames[.panelMember]!)
            #expect(try await panel.get("/cases/\(caseID)").status == .forbidden)
            var other = Browser(client)
            _ = try await other.signIn("erin.east")
            #expect(try await other.get("/cases/\(caseID)").status == .notFound)

            var admin = Browser(client)
            _ = try await admin.signIn(usernames[.admin]!, code: adminCode)
            let page = try await admin.get("/admin/access-log")
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            let rows = html.components(separatedBy: "<tr>").dropFirst(2)
            func row(_ who: String, _ what: String) -> Bool {
                rows.contains {
                    $0.contains("<td>\(who)</td>") && $0.contains(what) && $0.contains("<td>\(reference)</td>")
                }
            }
            #expect(row(usernames[.coordinator]!, "Viewed the case page"), "\(html)")
            #expect(row(usernames[.panelMember]!, "Refused GET /cases/:case: role does not allow it"), "\(html)")
            #expect(row("erin.east", "Refused GET /cases/:case: outside the user"), "\(html)")
            #expect(html.contains("<td>Signed in</td>"))

            let byCase = String(buffer: try await admin.get("/admin/access-log?case=\(reference)").body)
            #expect(byCase.contains("Viewed the case page") && !byCase.contains("<td>Signed in</td>"), "\(byCase)")
            let byUser = String(buffer: try await admin.get("/admin/access-log?user=\(usernames[.panelMember]!)").body)
            #expect(
                byUser.contains("Refused GET /cases/:case") && !byUser.contains("Viewed the case page"), "\(byUser)")
            let unknown = try await admin.get("/admin/access-log?case=CDOP-FFFFFFFF&since=2026-13-01")
            #expect(unknown.status == .unprocessableContent)
            #expect(String(buffer: unknown.body).contains(##"href="#since""##))

            for browser in [coordinator, panel] {
                var browser = browser
                #expect(try await browser.get("/admin/access-log").status == .forbidden)
            }
        }
    }
}

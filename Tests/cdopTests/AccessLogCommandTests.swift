import CDOPApp
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

/// `cdop access log` through the built binary: the access log the web server writes, read back newest first,
/// filtered by account, case and day, and bounded.
@Suite("cdop access log")
struct AccessLogCommandTests {
    @Test(
        "The access log lists a coordinator's case view and a panel member's refusal with the case's reference, newest first, filtered and bounded"
    )
    func listsViewsAndRefusals() async throws {
        let cli = CLI(actor: "ada.admin")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)
        let caseID = try #require((notified["caseId"] as? String).flatMap(CaseID.init))
        var accounts: [String: UserID] = [:]
        for (username, role) in [("casey.coordinator", "coordinator"), ("pat.panel", "panel-member")] {
            let added = try await cli.run(
                [
                    "user", "add", username, "--name", username, "--email", "\(username)@cdop.example.org", "--role",
                    role, "--json",
                ],
                environment: ["CDOP_BCRYPT_COST": "4"])
            let userID: UserID = try #require(added.field("userId").flatMap { UserID($0) }, "\(added)")
            accounts[username] = userID
        }
        // What the web server records as these two use it.
        var configuration = AppConfiguration()
        configuration.databasePath = cli.database
        let log = AccessLog(engine: try Engine(configuration: configuration, linkSecret: Data(repeating: 1, count: 32)))
        func user(_ name: String, _ role: StaffRole) -> AuthenticatedUser {
            AuthenticatedUser(id: accounts[name]!, username: name, displayName: name, roles: [role], areas: [])
        }
        try await log.recordCaseViewed(caseID, view: .casePage, by: user("casey.coordinator", .coordinator))
        try log.recordAccessRefused("GET /dashboard", reason: .role, by: user("pat.panel", .panelMember))
        try log.recordAccessRefused(
            "GET /cases/:case", reason: .role, caseID: caseID, by: user("pat.panel", .panelMember))

        let all = try await cli.run("access", "log", "--json")
        #expect(all.status == 0, "\(all)")
        let entries = try #require(all.object?["entries"] as? [[String: Any]], "\(all)")
        #expect(entries.map { $0["kind"] as? String } == ["accessRefused", "accessRefused", "caseViewed"])
        #expect(entries.first?["username"] as? String == "pat.panel")
        #expect(entries.first?["caseReference"] as? String == reference)
        #expect(
            entries.first?["route"] as? String == "GET /cases/:case" && entries.first?["reason"] as? String == "role")
        #expect(
            entries.last?["caseReference"] as? String == reference && entries.last?["view"] as? String == "case-page")

        let text = try await cli.run("access", "log", "--case", reference)
        #expect(text.status == 0, "\(text)")
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "a heading and the two entries about the case: \(text)")
        #expect(
            lines[1].contains("pat.panel") && lines[1].contains("Refused GET /cases/:case: role does not allow it")
                && lines[1].contains(reference))
        #expect(
            lines[2].contains("casey.coordinator") && lines[2].contains("Viewed the case page")
                && lines[2].contains(reference))
        #expect(!text.output.contains("GET /dashboard"))

        let byID = try await cli.run(
            "access", "log", "--case", caseID.description, "--user", "casey.coordinator", "--json")
        #expect(
            (byID.object?["entries"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["caseViewed"], "\(byID)")
        let bounded = try await cli.run("access", "log", "--limit", "1", "--json")
        #expect(
            (bounded.object?["entries"] as? [[String: Any]])?.count == 1 && bounded.object?["more"] as? Int == 2,
            "\(bounded)")
        let boundedText = try await cli.run("access", "log", "--limit", "2")
        #expect(boundedText.output.contains("And 1 more"), "\(boundedText)")
        let later = try await cli.run("access", "log", "--since", daysFromToday(2))
        #expect(later.status == 0 && later.output.contains("Nothing matches."), "\(later)")

        let unknown = try await cli.run("access", "log", "--case", "CDOP-FFFFFFFF", "--json")
        #expect(unknown.status == 1 && unknown.field("error") == "command.notFound", "\(unknown)")
        let nobody = try await cli.run("access", "log", "--user", "nobody.here", "--json")
        #expect(nobody.status == 1 && nobody.field("message")?.contains("nobody.here") == true, "\(nobody)")
        let badDay = try await cli.run("access", "log", "--since", "2026-13-01", "--json")
        #expect(badDay.status == 1 && badDay.field("error") == "input.invalidOption", "\(badDay)")
    }
}

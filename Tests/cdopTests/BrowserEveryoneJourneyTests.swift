import Foundation
import Testing

/// What every visitor meets, in a real browser: Tests/Browser/parts/everyone.py.
@Suite("What everyone meets, in a real browser", .serialized)
struct BrowserEveryoneJourneyTests {
    @Test(
        "/notify leads to signing in, a new password is confirmed, errors are HTML pages with a way back, a typed reference opens its case, an oversized answer is refused beside its field, a case off the agenda is not found"
    )
    func everyVisitor() async throws {
        var part = BrowserPart()
        try await part.addUser(
            "casey.coordinator", role: "coordinator", name: "Casey Coordinator", email: "casey@cdop.example.gov.uk")
        try await part.addUser("pat.panel", role: "panel-member", name: "Pat Panel", email: "pat@cdop.example.gov.uk")
        let notified = try await part.cli.json("notify", Fixture.path("notification.example.json"))
        part.pass("--case", try #require(notified["reference"] as? String))
        try await part.run("everyone")
    }
}

import Foundation
import Testing

/// The end of retention in a real browser: Tests/Browser/parts/privacy.py.
@Suite("Erasure on two people's approval, in a real browser", .serialized)
struct BrowserPrivacyJourneyTests {
    @Test(
        "A coordinator asks for a child's erasure and cannot approve it herself; a second coordinator approves it from the privacy page and the child reads erased"
    )
    func askedByOneApprovedByAnother() async throws {
        var part = BrowserPart()
        try await part.addUser(
            "casey.coordinator", role: "coordinator", name: "Casey Coordinator", email: "casey@cdop.example.gov.uk")
        let second = try await part.cli.run([
            "user", "add", "robin.coordinator", "--name", "Robin Coordinator", "--email", "robin@cdop.example.gov.uk",
            "--role", "coordinator", "--json",
        ])
        let password = try #require(second.object?["initialPassword"] as? String, "\(second)")
        let notified = try await part.cli.json("notify", Fixture.path("notification.example.json"))
        part.pass("--case", try #require(notified["reference"] as? String))
        part.pass("--user", "second-coordinator=robin.coordinator:\(password)")
        try await part.run("privacy")
    }
}

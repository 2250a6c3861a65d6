import CDOPTesting
import Foundation
import Testing

/// The coordinator's work on form requests, and the practitioner's decline, in a real browser (Tests/Browser/parts/requests.py).
@Suite("A real browser through the request pages", .serialized)
struct BrowserRequestsJourneyTests {
    @Test(
        "A coordinator sees a request's email, reminds, changes the contact (the old link stops working), the practitioner declines as not knowing the child, another request is waived and its withdrawal confirmed, every page axe-clean"
    )
    func workTheRequests() async throws {
        var part = BrowserPart()
        try await part.addAgencies()
        try await part.addUser(
            "casey", role: "coordinator", name: "Casey Coordinator", email: "casey@cdop.example.gov.uk")
        let notified = try await part.cli.json("notify", Fixture.path("notification.example.json"))
        part.pass("--case", try #require(notified["reference"] as? String))
        try await part.run("requests")
    }
}

import Foundation
import Testing

/// The coordinator's cases in a real browser (Tests/Browser/parts/coordinator_cases.py): finding, reading,
/// correcting, and the duplicate decision, all by clicking, axe-core clean on every page.
@Suite("The coordinator's cases in a real browser", .serialized)
struct BrowserCoordinatorCasesTests {
    @Test(
        "The coordinator finds a case by name and by reference, reads the whole notification, corrects the date of death through its confirmation, is refused an empty duplicate decision and reopens a settled one"
    )
    func coordinatorCases() async throws {
        var part = BrowserPart()
        try await part.addUser(
            "casey", role: "coordinator", name: "Casey Coordinator", email: "casey@cdop.example.gov.uk")
        let notification = Fixture.path("notification.example.json")
        let first = try #require(try await part.cli.json("notify", notification)["reference"] as? String)
        let second = try await part.cli.json("notify", notification)
        #expect(second["possibleDuplicateReference"] as? String == first)
        part.pass("--case", first, "--case", try #require(second["reference"] as? String))
        try await part.run("coordinator_cases")
    }
}

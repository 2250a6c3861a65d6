import CDOPTesting
import Foundation
import Testing

/// The meetings slice in Chromium (Tests/Browser/parts/meetings.py), every page checked by axe-core: the
/// coordinator schedules, invites, lists a case with a form outstanding, prints the agenda pack and edits the
/// agency directory; the designated doctor convenes, holds and completes a rapid response on the pages.
@Suite("The meetings journey in a real browser", .serialized)
struct BrowserMeetingsJourneyTests {
    @Test(
        "A coordinator organises a panel meeting and the directory, and a designated doctor completes a rapid response, all by clicking"
    )
    func meetingsJourney() async throws {
        var part = BrowserPart()
        try await part.addAgencies()
        try await part.addUser(
            "casey.coordinator", role: "coordinator", name: "Casey Coordinator", email: "casey@cdop.example.gov.uk")
        try await part.addUser(
            "dana.doctor", role: "designated-doctor", name: "Dr Dana Doctor", email: "dana@cdop.example.nhs.uk")
        let cli = part.cli

        // A case ready for the panel with Northgate Surgery's form still outstanding.
        let listed = try await cli.json("notify", Fixture.path("notification.example.json"))
        let listedReference = try #require(listed["reference"] as? String)
        try await cli.json("triage", listedReference, "--expected", "--confirmed-by", "Dr Dana Doctor")
        try await cli.json("case", "involve", listedReference, "--agency", "Northgate Surgery")
        try await cli.json(
            "form", "request", listedReference, "--agency", "Northgate Surgery", "--type", "reporting", "--due",
            daysFromToday(14))
        try await cli.json("review", "ready", listedReference)

        // Another child's unexpected death, its Joint Agency Response open.
        let text = try String(contentsOfFile: Fixture.path("notification.example.json"), encoding: .utf8)
            .replacingOccurrences(of: "Testchild", with: "Othertestchild")
            .replacingOccurrences(of: "9434765919", with: "9434765803")
            .replacingOccurrences(of: "2026-07-02", with: "2026-03-09")
        let other = cli.folder.path("other-notification.json")
        try text.write(toFile: other, atomically: true, encoding: .utf8)
        let rapid = try await cli.json("notify", other)
        let rapidReference = try #require(rapid["reference"] as? String)
        try await cli.json("triage", rapidReference, "--unexpected", "--confirmed-by", "Dr Dana Doctor")

        part.pass("--case", listedReference, "--case", rapidReference)
        try await part.run("meetings")
    }
}

import Foundation
import Testing

/// `cdop privacy erase`: a malformed subject, role or reason is refused before any key goes; an erasure says what
/// it did, and a second one says it was done already.
@Suite("cdop privacy erase")
struct PrivacyEraseCommandTests {
    @Test("Bad subjects are refused naming what is wrong; an erasure is reported once, then as already done")
    func badSubjectsAreRefusedAndAnErasureIsReportedOnce() async throws {
        let cli = CLI(actor: "coord.jones")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)

        let noRole = try await cli.run("privacy", "erase", reference, "--reason", "Retention period ended")
        #expect(noRole.status == 1 && noRole.error.contains("CASE/ROLE"), "\(noRole)")
        let badRole = try await cli.run("privacy", "erase", reference + "/Child Name", "--reason", "Retention")
        #expect(badRole.status == 1 && badRole.error.contains("erasure.invalidRole"), "\(badRole)")
        let noReason = try await cli.run("privacy", "erase", reference + "/child", "--reason", " ")
        #expect(noReason.status == 1 && noReason.error.contains("erasure.reasonMissing"), "\(noReason)")

        let erased = try await cli.run("privacy", "erase", reference + "/child", "--reason", "Retention period ended")
        #expect(erased.status == 0 && erased.output.contains("Erased the personal data of the child"), "\(erased)")
        let again = try await cli.run("privacy", "erase", reference + "/child", "--reason", "Retention period ended")
        #expect(again.status == 0 && again.output.contains("already recorded"), "\(again)")
        let shown = try await cli.run("case", "show", reference)
        #expect(shown.output.contains("erased") && !shown.output.contains("Testchild"), "\(shown)")
    }
}

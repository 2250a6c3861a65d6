import Foundation
import Testing

@Suite("cdop ncmd: finalising the national return and what it still lacks")
struct NCMDCommandTests {
    @Test("A new case is listed as lacking its finalised notification until the coordinator finalises it")
    func finaliseNotification() async throws {
        let cli = CLI()
        let (reference, request) = try await cli.exampleCaseWithFormBRequested()
        let before = try await cli.json("ncmd", "readiness")
        #expect(before["notReady"] as? Int == 1)
        #expect((before["counts"] as? [String: Int]) == ["notificationNotFinalised": 1])
        let listed = try #require((before["cases"] as? [[String: Any]])?.first)
        #expect(listed["reference"] as? String == reference)

        let finalised = try await cli.json("ncmd", "finalise", reference, "--form", "notification")
        #expect(
            finalised["message"] as? String == "Case \(reference): the notification finalised for the national return.")
        let after = try await cli.json("ncmd", "readiness")
        #expect(after["notReady"] as? Int == 0, "an open case needs only its notification")
        let text = try await cli.run("ncmd", "readiness")
        #expect(text.output.contains("Every case is ready for the national return."), "\(text)")

        let again = try await cli.run("ncmd", "finalise", reference, "--form", "notification", "--json")
        #expect(again.status == 1 && again.field("error") == "ncmd.alreadyFinalised", "\(again)")
        let requested = try await cli.run("ncmd", "finalise", reference, "--form", request, "--json")
        #expect(requested.status == 1 && requested.field("error") == "ncmd.formNotReturned", "\(requested)")
        #expect(requested.field("message")?.contains("Only a returned form can be finalised") == true)
        let outcome = try await cli.run("ncmd", "finalise", reference, "--form", "outcome", "--json")
        #expect(outcome.status == 1 && outcome.field("error") == "ncmd.outcomeNotRecorded", "\(outcome)")

        let noReason = try await cli.run("ncmd", "reopen", reference, "--form", "notification", "--reason", " ")
        #expect(noReason.status != 0)
        try await cli.json("ncmd", "reopen", reference, "--form", "notification", "--reason", "Date of birth wrong")
        let reopened = try await cli.json("ncmd", "readiness")
        #expect(reopened["notReady"] as? Int == 1)
        let shown = try await cli.json("case", "show", reference)
        let national = try #require(shown["nationalReturn"] as? [String: Any])
        #expect(national["ready"] as? Bool == false)
        #expect((national["reasons"] as? [[String: Any]])?.first?["kind"] as? String == "notificationNotFinalised")
    }

    @Test("A notification without the postcode the national return requires cannot be finalised, and the item is named")
    func requiredItemEmpty() async throws {
        let cli = CLI()
        var object = try Fixture.notification()
        var child = try #require(object["child"] as? [String: Any])
        child["address"] = nil
        object["child"] = child
        let file = cli.write(
            "no-postcode.json",
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        let reference = try #require(try await cli.json("notify", file)["reference"] as? String)
        let readiness = try await cli.json("ncmd", "readiness", "--year", "2026")
        let reasons = try #require((readiness["cases"] as? [[String: Any]])?.first?["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["kind"] as? String } == ["notificationNotFinalised", "requiredItemEmpty"])
        #expect(reasons.last?["item"] as? String == "notification.B.child-postcode")
        let refused = try await cli.run("ncmd", "finalise", reference, "--form", "notification", "--json")
        #expect(refused.status == 1 && refused.field("error") == "ncmd.requiredItemsEmpty", "\(refused)")
        #expect(refused.field("message")?.contains("Postcode (notification.B.child-postcode)") == true)
        let otherYear = try await cli.json("ncmd", "readiness", "--year", "2020")
        #expect(otherYear["notReady"] as? Int == 0)
    }
}

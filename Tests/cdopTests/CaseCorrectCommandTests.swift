import Foundation
import Testing

@Suite("Correcting a notification through the command line")
struct CaseCorrectCommandTests {
    @Test(
        "cdop case correct changes only the fields in the file, keeps the reason in the timeline, and links a case the corrected NHS number now matches"
    )
    func correctionFromAFile() async throws {
        let cli = CLI(actor: "coord.jones")
        let first = try await cli.json("notify", Fixture.path("notification.example.json"))
        let otherChild = try Fixture.notification(
            setting: ["child", "nhsNumber"], to: ["absentBecause": "notCurrentlyAvailable"])
        let renamed = try #require(
            try JSONSerialization.jsonObject(with: Data(otherChild.utf8)) as? [String: Any])
        var child = try #require(renamed["child"] as? [String: Any])
        child["name"] = ["forenames": "Robin", "surname": "Otherchild", "aliases": [String]()]
        child["dateOfBirth"] = "2025-01-05"
        var object = renamed
        object["child"] = child
        let path = cli.write(
            "other.json", String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        let second = try await cli.json("notify", path)
        #expect(second["possibleDuplicateOf"] == nil)
        let reference = try #require(second["reference"] as? String)

        let correction = cli.write("correction.json", #"{"child": {"nhsNumber": {"number": "9434765919"}}}"#)
        let corrected = try await cli.json(
            "case", "correct", reference, correction, "--reason", "The GP gave the NHS number")
        #expect((corrected["message"] as? String)?.contains("corrected NHS number") == true, "\(corrected)")
        #expect((corrected["message"] as? String)?.contains(first["reference"] as! String) == true, "\(corrected)")

        let shown = try await cli.run("case", "show", reference)
        #expect(
            shown.output.contains("NHS number, from none (NHS number not currently available) to 9434765919"),
            "\(shown)")
        #expect(shown.output.contains("The GP gave the NHS number"), "\(shown)")

        let again = try await cli.run("case", "correct", reference, correction, "--reason", "Again")
        #expect(again.status != 0)
        #expect(again.error.contains("changes nothing"), "\(again)")
        let noReason = try await cli.run("case", "correct", reference, correction, "--reason", " ")
        #expect(noReason.status != 0)
    }
}

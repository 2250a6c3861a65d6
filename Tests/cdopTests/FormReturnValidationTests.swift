import CDOPTesting
import Foundation
import Testing

@Suite("cdop form return checks the answers against the form, as the page does")
struct FormReturnValidationTests {
    @Test("answers that do not fit the form are refused, naming each wrong field, and nothing is recorded")
    func wrongAnswersNamed() async throws {
        let cli = CLI(actor: "casey.coordinator")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)
        try await cli.json("agency", "add", "--name", "Northgate Surgery", "--kind", "gp", "--lead", "Jo <jo@northgate.example.nhs.uk>")
        try await cli.json("case", "involve", reference, "--agency", "Northgate Surgery")
        let due = ISO8601DateFormatter.string(from: Date().addingTimeInterval(14 * 86_400), timeZone: .gmt, formatOptions: [.withFullDate])
        let request = try #require(
            try await cli.json("form", "request", reference, "--agency", "Northgate Surgery", "--due", due)["requestId"] as? String)
        let answers = cli.write(
            "answers.json", #"{"agency-name": {"text": "Northgate Surgery"}, "child-known-to-agency": {"text": "perhaps"}}"#)
        let refused = try await cli.run(
            "form", "return", reference, request, "--answers", answers, "--definition", "reporting@1", "--submitted-by", "Dr Jo Example",
            "--json")
        #expect(refused.status == 1)
        #expect(refused.field("error") == "input.invalid", "\(refused)")
        let message = refused.field("message") ?? ""
        for field in ["completed-by-name", "date-completed", "child-known-to-agency", "summary"] {
            #expect(message.contains(field), "\(field) not named: \(message)")
        }
        let accepted = try await cli.run(
            "form", "return", reference, request, "--answers", Fixture.path("answers.example.json"), "--definition", "reporting@1",
            "--submitted-by", "Dr Jo Example", "--json")
        #expect(accepted.status == 0, "\(accepted)")
    }
}

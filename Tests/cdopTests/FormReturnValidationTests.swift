import CDOPTesting
import Foundation
import Testing

@Suite("cdop form return checks the answers against the form, as the page does")
struct FormReturnValidationTests {
    @Test("Answers that do not fit the form are refused, naming each wrong field, and nothing is recorded")
    func wrongAnswersNamed() async throws {
        let cli = CLI(actor: "casey.coordinator")
        let (reference, request) = try await cli.exampleCaseWithFormBRequested()
        let answers = cli.write(
            "answers.json",
            #"{"agency-name": {"text": "Northgate Surgery"}, "child-known-to-agency": {"text": "perhaps"}}"#)
        let refused = try await cli.run(
            "form", "return", reference, request, "--answers", answers, "--definition", "reporting@1", "--submitted-by",
            "Dr Jo Example",
            "--json")
        #expect(refused.status == 1)
        #expect(refused.field("error") == "input.invalid", "\(refused)")
        let message = refused.field("message") ?? ""
        for field in ["completed-by-name", "date-completed", "child-known-to-agency", "summary"] {
            #expect(message.contains(field), "\(field) not named: \(message)")
        }
        let accepted = try await cli.run(
            "form", "return", reference, request, "--answers", Fixture.path("answers.example.json"), "--definition",
            "reporting@1",
            "--submitted-by", "Dr Jo Example", "--json")
        #expect(accepted.status == 0, "\(accepted)")
    }

    @Test("form remind-now, form contact and form decline --reason work a request from the command line")
    func requestWork() async throws {
        let cli = CLI(actor: "casey.coordinator")
        let (reference, request) = try await cli.exampleCaseWithFormBRequested()
        let reminded = try await cli.json("form", "remind-now", reference, request)
        #expect((reminded["message"] as? String)?.contains("reminder") == true, "\(reminded)")
        let moved = try await cli.json(
            "form", "contact", reference, request, "--email", "new.contact@northgate.example.nhs.uk")
        #expect((moved["message"] as? String)?.contains("new link") == true, "\(moved)")
        let same = try await cli.run(
            "form", "contact", reference, request, "--email", "new.contact@northgate.example.nhs.uk", "--json")
        #expect(same.field("error") == "formRequest.sameContact", "\(same)")
        try await cli.json(
            "form", "decline", reference, request, "--declared-by", "Records officer", "--reason",
            "The agency did not know the child")
        let shown = try await cli.json("case", "show", reference)
        let requests = try #require(shown["requests"] as? [[String: Any]])
        #expect(requests.first?["declineReason"] as? String == "The agency did not know the child")
        #expect(requests.first?["contact"] as? String == "new.contact@northgate.example.nhs.uk")
    }
}

import CDOPApp
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

@Suite("The national return's sending from the command line")
struct NCMDSendingCommandTests {
    static let token = "cli-test-token-Hq83kd02"

    @Test("With the directory adapter, cdop ncmd send has nothing to send and the queue is empty")
    func directoryHasNothingToSend() async throws {
        let cli = CLI()
        let sent = try await cli.run("ncmd", "send")
        #expect(sent.status == 0 && sent.output.contains("nothing to send"), "\(sent)")
        let listed = try await cli.run("ncmd", "deliveries", "--json")
        #expect(listed.status == 0 && listed.list?.isEmpty == true, "\(listed)")
        let wrong = try await cli.run("ncmd", "deliveries", "--state", "delivered")
        #expect(wrong.status != 0 && wrong.error.contains("--state"), "\(wrong)")
    }

    @Test("cdop ncmd send posts what is queued; an endpoint that does not answer is retried, and no token is printed")
    func sendRetriesAndKeepsTokenSecret() async throws {
        let cli = CLI()
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let caseID = try #require((notified["caseId"] as? String).flatMap(CaseID.init))
        let environment: [String: String?] = [
            "CDOP_NCMD_ADAPTER": "https", "CDOP_NCMD_URL": "https://127.0.0.1:1/returns",
            "CDOP_NCMD_TOKEN": Self.token,
        ]
        var configuration = AppConfiguration()
        configuration.databasePath = cli.database
        configuration.nationalReturn.adapter = .https(
            NationalReturnEndpoint(url: URL(string: "https://127.0.0.1:1/returns")!, token: Self.token))
        let engine = try Engine(configuration: configuration, linkSecret: Data(repeating: 1, count: 32))
        let nationalReturn = NationalReturn(
            year: 2026, manifestHash: String(repeating: "7a", count: 32),
            documents: [NationalReturn.CaseDocument(caseID: caseID, nationalCaseKey: "NTH-1", json: Data("{}".utf8))])
        let receipt = try await engine.nationalReturnAdapter.deliver(
            nationalReturn, by: Actor(name: "coord.jones", role: "coordinator"))
        #expect(receipt == .queued(documents: 1, alreadyQueued: 0))

        let sent = try await cli.run(["ncmd", "send", "--json"], environment: environment)
        #expect(sent.status == 0, "\(sent)")
        let outcome = try #require(sent.list?.first, "\(sent)")
        #expect(outcome["result"] as? String == "retry")
        #expect(outcome["deliveryKey"] as? String == nationalReturn.deliveryKey(of: nationalReturn.documents[0]))
        let listed = try await cli.run(["ncmd", "deliveries"], environment: environment)
        #expect(listed.output.contains("pending") && listed.output.contains("could not reach"), "\(listed)")
        for run in [sent, listed] {
            #expect(!(run.output + run.error).contains(Self.token))
        }
    }

    @Test("The HTTPS adapter without a token is refused, naming the setting")
    func missingTokenIsRefused() async throws {
        let cli = CLI()
        let run = try await cli.run(
            ["ncmd", "send"], environment: ["CDOP_NCMD_ADAPTER": "https", "CDOP_NCMD_URL": "https://127.0.0.1:1/"])
        #expect(run.status == 1 && run.error.contains("CDOP_NCMD_TOKEN"), "\(run)")
    }
}

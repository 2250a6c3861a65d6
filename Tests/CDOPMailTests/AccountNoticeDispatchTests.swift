import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// A notice to a member of staff about their own account goes through the same outbox as a case's emails:
/// derived from the account's events, sent once, its outcome recorded on the account's stream.
@Suite("Emails to an account's owner")
struct AccountNoticeDispatchTests {
    @Test("Sign-ins being held back send the owner one email, naming the account and no case, recorded once")
    func throttleNoticeIsSentOnce() async throws {
        try await withTemporaryDirectory { directory in
            var configuration = AppConfiguration()
            configuration.databasePath = directory.file("cdop.sqlite").path
            configuration.baseURL = URL(string: "https://cdop.example.org")!
            let engine = try Engine(
                configuration: configuration, clock: TestClock(iso: "2026-03-02T08:00:00Z"),
                schedules: TestSchedules.catalog,
                linkSecret: Data(repeating: 7, count: 32))
            let templates = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().templates
            let users = UserDirectory(engine: engine, bcryptCost: 4)
            let account = try users.addUser(
                username: "casey.coordinator", displayName: "Casey Coordinator", email: "casey@cdop.example.org",
                roles: [.coordinator], areas: [], by: Actor(name: "setup", role: "admin"))
            try engine.workflow.handler.run(by: .system) { session throws(CommandError) in
                try session.decide(UserDecider.self, account.userID.streamID, .recordSignInThrottled(failures: 3))
            }
            let spool = directory.file("spool").path
            let outcomes = await engine.dispatcher(templates: templates, transport: SpoolTransport(directory: spool))
                .dispatchAll()
            #expect(outcomes.map(\.result) == ["sent"], "\(outcomes)")
            #expect(outcomes.first?.template == "sign-in-held-back")

            let files = try FileManager.default.contentsOfDirectory(atPath: spool).map { directory.file("spool/\($0)") }
            let parsed = try await PythonCheck.parseMail(files, in: directory)
            #expect(parsed.count == 1 && parsed[0].defects.isEmpty)
            #expect(parsed.first?.to.map(\.address) == ["casey@cdop.example.org"])
            let body = parsed.first?.text ?? ""
            #expect(body.contains("casey.coordinator") && body.contains("https://cdop.example.org/sign-in"), "\(body)")
            #expect(!body.contains("CDOP-"), "the notice names no case")

            let types = try engine.store.readStream(account.userID.streamID).map(\.type)
            #expect(types.filter { $0 == "user.emailSent.v1" }.count == 1)
            #expect(
                await engine.dispatcher(templates: templates, transport: SpoolTransport(directory: spool)).dispatchAll()
                    .isEmpty)
            #expect(
                try ReadModelRebuild(store: engine.sqliteStore!).run().isClean, "a rebuild writes the same outbox row")
        }
    }
}

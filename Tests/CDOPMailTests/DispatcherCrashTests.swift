import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("A dispatcher killed mid-batch", .serialized)
struct DispatcherCrashTests {
    @Test(
        "Every email is delivered at least once, and any duplicate carries the same Message-ID as its first copy",
        arguments: StorageEngine.selected)
    func killedDispatcherDeliversEverything(storage: StorageEngine) async throws {
        try await withSMTPServer { server, directory in
            // Forty requests (ten cases, four agencies each): forty request emails.
            var configuration = AppConfiguration()
            configuration.databasePath = directory.file("cdop.sqlite").path
            let secret = Data(repeating: 9, count: 32)
            try storage.prepare(&configuration, linkSecret: secret)
            let engine = try Engine(
                configuration: configuration, clock: SystemClock(), schedules: TestSchedules.catalog, linkSecret: secret
            )
            try SyntheticPanel.casesWithFormRequests(
                on: engine, today: LondonTime.day(of: Date()), cases: 10, seed: 21,
                by: Actor(name: "c", role: "coordinator"))
            let expected = try engine.store.snapshot { db in try OutboxQueries.list(state: "pending", in: db) }
            #expect(expected.count == 40)

            let environment = StorageEngine.environment(of: configuration).merging([
                "CDOP_DEFINITIONS": BuiltProducts.packageRoot.path,
                "CDOP_SMTP_URL": "smtp://127.0.0.1:\(server.port)", "CDOP_SMTP_STARTTLS": "off",
                "CDOP_LINK_SECRET": String(repeating: "09", count: 32), "CDOP_MAIL_FROM": "cdop@cdop.example.org",
            ]) { $1 }
            let dispatch = try ChildProcess(
                BuiltProducts.executable("cdop"), ["mail", "dispatch", "--json"], environment: environment)
            // Kill it as soon as the first has been delivered: some, not all, are sent (on a busy machine a later
            // threshold was sometimes passed only after the last email had gone).
            _ = try await Eventually.holds(within: .seconds(60)) {
                try !dispatch.isRunning || !server.receivedFiles().isEmpty
            }
            let wasRunning = dispatch.isRunning
            await dispatch.kill(SIGKILL)
            let deliveredBeforeKill = try server.receivedFiles().count
            #expect(
                wasRunning && deliveredBeforeKill < 40,
                """
                the dispatcher finished before it could be killed (\(deliveredBeforeKill) sent): \
                \(dispatch.standardOutput.suffix(500)) \(dispatch.standardError.suffix(1000))
                """)

            // Another dispatcher, configured as the first was, after the dead one's claims have lapsed.
            let later = TestClock(Date().addingTimeInterval(600))
            var sameConfiguration = configuration
            sameConfiguration.mail = try MailSettings(environment: [
                "CDOP_SMTP_URL": "smtp://127.0.0.1:\(server.port)", "CDOP_SMTP_STARTTLS": "off",
                "CDOP_MAIL_FROM": "cdop@cdop.example.org",
            ])
            let second = try Engine(
                configuration: sameConfiguration, clock: later, schedules: TestSchedules.catalog, linkSecret: secret)
            let templates = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().templates
            let outcomes = await second.dispatcher(templates: templates).dispatchAll()
            #expect(outcomes.allSatisfy { $0.result == "sent" }, "\(outcomes.filter { $0.result != "sent" })")

            // At least once: every outbox email arrived; duplicates share their first copy's Message-ID.
            let files = try server.receivedFiles()
            let parsed = try await PythonCheck.parseMail(files, in: directory)
            let ids = parsed.compactMap(\.messageId)
            let expectedIDs = Set(
                expected.map {
                    "<\(NameBasedUUID.make("outbox|" + $0.outboxID).uuidString.lowercased())@cdop.example.org>"
                })
            #expect(Set(ids) == expectedIDs)
            #expect(files.count >= 40 && files.count <= 40 + 8, "\(files.count) messages")
            // Each email's outcome is recorded exactly once on its case.
            let sent = try second.store.snapshot { db in
                try db.value(Int.self, "SELECT COUNT(*) FROM events WHERE type = 'case.emailSent.v1'") ?? 0
            }
            #expect(sent == 40)
            #expect(try second.store.snapshot { db in try OutboxQueries.list(state: "pending", in: db) }.isEmpty)
        }
    }
}

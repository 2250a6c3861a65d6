import CDOPApp
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// A dispatcher told to stop (the server's SIGTERM) sends nothing more and gives back what it had claimed.
@Suite("A dispatcher told to stop")
struct DispatcherShutdownTests {
    @Test("A dispatcher stopping mid-batch releases its claimed emails, and the next dispatcher sends them at once")
    func stoppingDispatcherReleasesItsClaims() async throws {
        try await withTemporaryDirectory { folder in
            let scenario = try OutboxScenario(databasePath: folder.url.appendingPathComponent("cdop.sqlite").path)
            let pending = try scenario.outbox("pending")
            #expect(!pending.isEmpty)
            let spool = SpoolTransport(directory: folder.url.appendingPathComponent("spool").path)

            // Cancelled before its first send, as the service group cancels the loop on SIGTERM.
            let stopping = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await scenario.dispatcher(spool).dispatchOnce()
            }
            #expect(await stopping.value.isEmpty)
            #expect(try Self.claimed(scenario) == 0, "claims were left to expire")
            #expect(try scenario.outbox("pending").count == pending.count)

            // The next dispatcher, at the same moment (no lease to wait out), sends every one of them.
            let outcomes = await scenario.dispatcher(spool).dispatchAll()
            #expect(outcomes.count == pending.count && outcomes.allSatisfy { $0.result == "sent" }, "\(outcomes)")
            #expect(try scenario.outbox("pending").isEmpty)
        }
    }

    static func claimed(_ scenario: OutboxScenario) throws -> Int {
        try scenario.engine.sqliteStore!.read { db in try OutboxQueries.claimedCount(now: scenario.clock.now(), in: db)
        }
    }
}

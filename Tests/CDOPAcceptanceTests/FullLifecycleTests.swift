import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("Two hundred cases through their whole lives")
struct FullLifecycleTests {
    @Test("200 synthetic cases reach their planned final states, on a real SQLite file, and the read model agrees")
    func twoHundredCases() throws {
        let folder = TemporaryDirectory("cdop-acceptance")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        let clock = TestClock(iso: "2025-04-01T08:00:00Z")
        let engine = try Engine(configuration: configuration, clock: clock)
        let simulation = LifecycleSimulation(engine: engine, clock: clock, seed: 20_261_123)
        try simulation.setUp()
        for index in 0..<200 {
            simulation.plan(index, deathDay: index * 2)
        }
        try simulation.run()

        let summaries = try engine.sqliteStore!.read { db in try CaseQueries.list(in: db) }
        let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.caseID, $0) })
        let duplicates = simulation.expected.filter { $0.duplicateID != nil }.count
        #expect(summaries.count == 200 + duplicates)

        for (index, expected) in simulation.expected.enumerated() {
            let caseID = try #require(expected.caseID, "case \(index) was never notified")
            let state = try engine.workflow.caseState(caseID)
            #expect(
                state.stage?.name == expected.stage,
                "case \(index) (\(expected.plan)) ended \(state.stage?.name ?? "nowhere")")
            #expect(byID[caseID.description]?.stage == expected.stage, "read model disagrees for case \(index)")
            for (requestID, outcome) in expected.requests {
                #expect(state.request(requestID)?.status.label == outcome, "case \(index) request")
            }
            if expected.stage == "closed" {
                #expect(state.panelOutcome != nil && state.ncmdSubmission != nil && state.outstandingRequests.isEmpty)
                #expect(state.reviewDaysExcludingPauses != nil)
            }
            if expected.plan == .fullReviewWithPause, let days = state.reviewDaysExcludingPauses {
                // The 63 days awaiting the post-mortem do not count.
                let death = state.notification!.death.date
                let reviewed = state.panelOutcome!.reviewedOn
                #expect(days == death.days(until: reviewed) - 63)
            }
            if let duplicateID = expected.duplicateID {
                let duplicate = try engine.workflow.caseState(duplicateID)
                #expect(duplicate.stage == .duplicate(of: caseID))
                #expect(state.mergedDuplicates.contains(duplicateID))
                #expect(byID[duplicateID.description]?.countsForPanel == false)
                // Any command on the merged duplicate is refused.
                #expect(throws: CommandError.self) {
                    try engine.workflow.execute(.markReadyForPanel, on: duplicateID, by: simulation.coordinator)
                }
            }
        }
        // Reminders fired twice for the same step were recorded once.
        let reminderEvents = try engine.sqliteStore!.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type LIKE '%reminder%'") ?? 0
        }
        let stepsReminded = try engine.sqliteStore!.read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(reminders), 0) FROM form_requests") ?? 0
        }
        #expect(reminderEvents == stepsReminded)
        // The read models kept inline are exactly what a replay of every event rebuilds.
        let rebuild = try ReadModelRebuild(store: engine.sqliteStore!).run()
        #expect(rebuild.isClean, "\(rebuild.differences)")
        #expect(rebuild.events > 2000)
        // A read model changed behind the engine's back is found.
        try engine.sqliteStore!.database.write { db in
            try db.execute(
                sql:
                    "UPDATE case_summaries SET stage = 'tampered' WHERE case_id = (SELECT MIN(case_id) FROM case_summaries)"
            )
        }
        #expect(
            try engine.sqliteStore!.database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_summaries WHERE stage = 'tampered'")
            } == 1)
        let tampered = try ReadModelRebuild(store: engine.sqliteStore!).run()
        #expect(tampered.differences.map(\.table) == ["case_summaries"])
        #expect(tampered.differences.first.map { [$0.onlyLive, $0.onlyRebuilt] } == [1, 1])
        // So is a row missing from a read model (the same count of rows no longer hides a change either).
        try engine.sqliteStore!.database.write { db in
            try db.execute(
                sql: "DELETE FROM form_requests WHERE request_id = (SELECT MIN(request_id) FROM form_requests)")
        }
        let missing = try ReadModelRebuild(store: engine.sqliteStore!).run()
        #expect(Set(missing.differences.map(\.table)) == ["case_summaries", "form_requests"])
        #expect(
            missing.differences.first { $0.table == "form_requests" }.map { [$0.onlyLive, $0.onlyRebuilt] } == [0, 1])
        // Every case counted once: figures exclude duplicates, transfers and out-of-scope cases.
        let counted = summaries.filter(\.countsForPanel).count
        #expect(counted == simulation.expected.filter { !["transferred", "outOfScope"].contains($0.stage) }.count)
    }
}

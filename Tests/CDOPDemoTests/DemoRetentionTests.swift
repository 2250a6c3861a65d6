import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// The end of retention on the demo panel, through the shipped `Workflows/retention.yaml` and the real scheduler:
/// every closed case asks for its people's erasure ten years after its closing, tells the coordinator, and erases
/// nothing until two people approve.
@Suite("The end of retention in the demo panel")
struct DemoRetentionTests {
    @Test(
        "Ten years after closing (or leaving the panel) each such case asks for erasure and emails the coordinator; two approvals erase it and the statistics stay"
    )
    func tenYearsAfterClosingErasureIsAskedFor() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let engine = demo.engine
        let store = engine.sqliteStore!
        let closed = try await store.read { db in
            try String.fetchAll(db, sql: "SELECT case_id FROM case_summaries WHERE stage = 'closed' ORDER BY case_id")
        }.compactMap(CaseID.init)
        try #require(!closed.isEmpty, "the demo closes cases")
        for caseID in closed {
            let runs = try engine.workflow.caseState(caseID).schedules.filter { $0.reference.id == "retention" }
            #expect(runs.count == 1 && runs[0].target == .retention(closure: 1) && !runs[0].isStopped)
        }
        // Cases that left the panel (transferred, out of scope, a confirmed duplicate) keep their records here too;
        // a case closed and reopened has its period stopped.
        let all = try await store.read { db in
            try String.fetchAll(db, sql: "SELECT case_id FROM case_summaries ORDER BY case_id")
        }.compactMap(CaseID.init)
        let ended = try all.filter { caseID in
            try engine.workflow.caseState(caseID).schedules.contains { $0.target.isRetention && !$0.isStopped }
        }
        #expect(Set(closed).isSubset(of: Set(ended)) && ended.count > closed.count, "\(ended.count) \(closed.count)")
        let facts = {
            try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_facts ORDER BY case_id") }
        }
        let before = try facts()
        // The demo's palliative-care case already has an erasure awaiting approval (the mother's request).
        let askedAlready = try await store.read { db in
            try DashboardQueries.erasuresAwaitingApproval(areas: [], in: db)
        }
        #expect(askedAlready.count == 1 && askedAlready.first?.approvals == 1, "\(askedAlready)")
        let asked = Set(askedAlready.map(\.caseID))
        let byRetention = try #require(closed.first { !asked.contains($0.description) })

        // Nine years on, nothing is asked; ten years and a week on, every closed case asks.
        demo.clock.advance(days: 9 * 365)
        _ = engine.scheduler.tick()
        #expect(try engine.workflow.caseState(byRetention).erasureApproval == nil)
        demo.clock.advance(days: 365 + 10)
        _ = engine.scheduler.tick()
        let pending = try await store.read { db in try DashboardQueries.erasuresAwaitingApproval(areas: [], in: db) }
        #expect(Set(pending.map(\.caseID)) == Set(ended.map(\.description)).union(asked))
        #expect(
            pending.filter { !asked.contains($0.caseID) }.allSatisfy {
                $0.requestedBy == ErasureRequested.scheduleName && $0.approvals == 0
            })
        let emails = try await store.read { db in try OutboxQueries.list(state: "pending", in: db) }
            .filter { $0.template == "erasure-requested" }
        #expect(Set(emails.compactMap(\.caseID)) == Set(ended.map(\.description)).subtracting(asked))
        #expect(emails.allSatisfy { $0.recipientRole == "coordinator" })
        #expect(try engine.workflow.caseState(byRetention).erasedSubjects.isEmpty, "nothing erased before approval")

        let approvals = ErasureApprovals(engine: engine)
        let first = try approvals.approve(
            caseID: byRetention, by: Actor(name: "casey.coordinator", role: "coordinator"), now: demo.clock.now())
        #expect(first.erased.isEmpty && first.approvals == 1)
        let second = try approvals.approve(
            caseID: byRetention, by: Actor(name: "ada.admin", role: "admin"), now: demo.clock.now())
        #expect(second.erased.contains("child") && second.erased.contains("parent-1"), "\(second.erased)")
        let state = try engine.workflow.caseState(byRetention)
        #expect(state.notification?.child.name.surname == PersonalFields.erasedText)
        #expect(state.erasureApproval == nil)
        #expect(try facts() == before, "every statistic counts the cases as before")
        #expect(try ReadModelRebuild(store: store).run().isClean)
    }
}

import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("The state cache never serves a stale state")
struct StateCacheTests {
    @Test("a stream changed by another process is read again, not served from this process's cache")
    func otherProcessWritesAreSeen() throws {
        var fixture = try AppFixture()
        var configuration = AppConfiguration()
        configuration.databasePath = fixture.folder.path("cdop.sqlite")
        let other = try Engine(configuration: configuration, clock: fixture.clock)
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        _ = try fixture.workflow.caseState(caseID)
        let agency = AgencyID(UUID())
        // The other process records an agency; this one then asks that agency for Form B, which needs it.
        try other.workflow.execute(
            .recordAgencyInvolved(AgencyInvolvement(agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactEmail: "lead@gp.example.org")),
            on: caseID, by: fixture.coordinator)
        try fixture.workflow.execute(
            .requestForm(requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting, contactEmail: "lead@gp.example.org",
                         dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
            on: caseID, by: fixture.coordinator)
        let summary = try fixture.engine.store.read { db in try CaseQueries.summary(caseID, in: db) }
        #expect(summary?.outstandingRequests == 1)
    }

    /// Fails every append holding a closing event, after the case projection has run and cached its state.
    struct RefuseClosures: InlineProjection {
        let name = "refuse-closures"
        struct Refused: Error {}
        func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
            if events.contains(where: { $0.type == "case.recordedOutOfScope.v1" }) { throw Refused() }
        }
    }

    @Test("a state cached by a projection whose append then rolled back is never used")
    func rolledBackStateIsNotServed() throws {
        let folder = TemporaryDirectory("cdop-cache")
        let cache = StateCache()
        var options = ReadModels.storeOptions(EventStoreOptions(), cache: cache)
        options.inlineProjections.append(RefuseClosures())
        let store = try EventStore(path: folder.path("cdop.sqlite"), options: options)
        let clock = TestClock(iso: "2026-06-01T09:00:00Z")
        let workflow = CaseWorkflow(handler: CommandHandler(store: store, clock: clock, panel: AppConfiguration().panel, cache: cache))
        var random = SeededRandom(seed: 3)
        let day = CalendarDate(year: 2026, month: 5, day: 31)!
        let caseID = try workflow.notify(
            SyntheticPanel.notification(using: &random, died: day, notified: day, ageDays: 100, area: "NTH", expectation: .expected),
            by: Actor(name: "n", role: "notifier")).caseID
        #expect(throws: CommandError.self) {
            try workflow.execute(.recordOutOfScope(reason: .other, detail: "test"), on: caseID, by: Actor(name: "c", role: "coordinator"))
        }
        // The cache saw the out-of-scope state at version 2 before the rollback; the store never did. Another
        // process now writes a different event at version 2; this process must not take its stale entry for it.
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        let other = try Engine(configuration: configuration, clock: clock)
        let agency = AgencyID(UUID())
        try other.workflow.execute(
            .recordAgencyInvolved(AgencyInvolvement(agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactEmail: "lead@gp.example.org")),
            on: caseID, by: Actor(name: "c", role: "coordinator"))
        #expect(try store.streamVersion(of: caseID.streamID) == 2)
        try workflow.execute(
            .requestForm(requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting, contactEmail: "lead@gp.example.org",
                         dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
            on: caseID, by: Actor(name: "c", role: "coordinator"))
        let state = try workflow.caseState(caseID)
        #expect(state.outOfScope == nil)
        #expect(state.formRequests.count == 1)
        let summary = try store.read { db in try CaseQueries.summary(caseID, in: db) }
        #expect(summary?.stage == "informationGathering")
    }
}

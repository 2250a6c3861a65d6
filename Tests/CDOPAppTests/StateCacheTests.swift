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
    @Test("A stream changed by another process is read again, not served from this process's cache")
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
            .recordAgencyInvolved(
                AgencyInvolvement(
                    agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactEmail: "lead@gp.example.org")),
            on: caseID, by: fixture.coordinator)
        try fixture.workflow.execute(
            .requestForm(
                requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting,
                contactEmail: "lead@gp.example.org",
                dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
            on: caseID, by: fixture.coordinator)
        let summary = try fixture.engine.sqliteStore!.read { db in try CaseQueries.summary(caseID, in: db) }
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

    @Test("A state cached by a projection whose append then rolled back is never used")
    func rolledBackStateIsNotServed() throws {
        let folder = TemporaryDirectory("cdop-cache")
        let cache = StateCache()
        // Sealed as the engine seals, so that this store reads what the other process writes.
        var options = try PersonalDataProtection.storeOptions(
            ReadModels.storeOptions(EventStoreOptions(), cache: cache),
            keysPath: PersonalDataProtection.keysPath(besides: folder.path("cdop.sqlite")), forms: [])
        options.inlineProjections.append(RefuseClosures())
        let store = try EventStore(path: folder.path("cdop.sqlite"), options: options)
        let clock = TestClock(iso: "2026-06-01T09:00:00Z")
        let workflow = CaseWorkflow(
            handler: CommandHandler(store: store, clock: clock, panel: AppConfiguration().panel, cache: cache))
        var random = SeededRandom(seed: 3)
        let day = CalendarDate(year: 2026, month: 5, day: 31)!
        let caseID = try workflow.notify(
            SyntheticPanel.notification(
                using: &random, died: day, notified: day, ageDays: 100, area: "NTH", expectation: .expected),
            by: Actor(name: "n", role: "notifier")
        ).caseID
        #expect(throws: CommandError.self) {
            try workflow.execute(
                .recordOutOfScope(reason: .other, detail: "test"), on: caseID, by: Actor(name: "c", role: "coordinator")
            )
        }
        // The cache saw the out-of-scope state at version 2 before the rollback; the store never did. Another
        // process now writes a different event at version 2; this process must not take its stale entry for it.
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        let other = try Engine(configuration: configuration, clock: clock)
        let agency = AgencyID(UUID())
        try other.workflow.execute(
            .recordAgencyInvolved(
                AgencyInvolvement(
                    agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactEmail: "lead@gp.example.org")),
            on: caseID, by: Actor(name: "c", role: "coordinator"))
        #expect(try store.streamVersion(of: caseID.streamID) == 2)
        try workflow.execute(
            .requestForm(
                requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting,
                contactEmail: "lead@gp.example.org",
                dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
            on: caseID, by: Actor(name: "c", role: "coordinator"))
        let state = try workflow.caseState(caseID)
        #expect(state.outOfScope == nil)
        #expect(state.formRequests.count == 1)
        let summary = try store.read { db in try CaseQueries.summary(caseID, in: db) }
        #expect(summary?.stage == "informationGathering")
    }
}

@Suite("Moving a running schedule to a new version")
struct ScheduleMoveTests {
    @Test(
        "Editing a definition leaves running cases alone until they are moved; moving replans from the start and keeps reached steps"
    )
    func moveIsExplicit() throws {
        let folder = TemporaryDirectory("cdop-move")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        let clock = TestClock(iso: "2026-03-02T08:00:00Z")
        let v1 = try Engine(configuration: configuration, clock: clock, schedules: TestSchedules.catalog)
        var random = SeededRandom(seed: 5)
        let today = CalendarDate(year: 2026, month: 3, day: 2)!
        let caseID = try v1.workflow.notify(
            SyntheticPanel.notification(
                using: &random, died: today.adding(days: -1), notified: today, ageDays: 100, area: "NTH",
                expectation: .expected),
            by: Actor(name: "n", role: "notifier")
        ).caseID
        let agency = AgencyID(UUID())
        let coordinator = Actor(name: "c", role: "coordinator")
        try v1.workflow.execute(
            .recordAgencyInvolved(
                AgencyInvolvement(agencyID: agency, agencyName: "GP", kind: .gp, contactEmail: "gp@example.org")),
            on: caseID, by: coordinator)
        try v1.workflow.execute(
            .requestForm(
                requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting,
                contactEmail: "gp@example.org", dueDate: today.adding(days: 14), schedule: nil), on: caseID,
            by: coordinator)
        clock.advance(days: 11)
        #expect(v1.scheduler.tick().fired.map(\.step) == ["reminder"])

        // Version 2 escalates to the designated doctor at 35 days instead of 28.
        var formB2 = TestSchedules.formB
        formB2.version = 2
        formB2.steps[4].after = Offset(35, .calendarDays)
        let v2 = try Engine(
            configuration: configuration, clock: clock,
            schedules: StaticScheduleCatalog(
                definitions: [formB2, TestSchedules.rapidResponse], calendar: TestSchedules.calendar))
        func lastStep() throws -> Date? {
            try v2.sqliteStore!.read { db in try TimerQueries.all(caseID: caseID, in: db) }
                .first { $0.step == "escalate-to-designated-doctor-and-chair" }?.dueAt
        }
        let before = try lastStep()
        #expect(try v2.workflow.caseState(caseID).schedules.first?.reference.version == 1)

        let moved = try v2.workflow.moveSchedules(of: caseID, by: coordinator)
        #expect(moved.map { "\($0.scheduleID) \($0.fromVersion)->\($0.toVersion)" } == ["form-b-chasing 1->2"])
        #expect(try lastStep() == before.map { $0.addingTimeInterval(7 * 86_400) })
        let run = try #require(try v2.workflow.caseState(caseID).schedules.first)
        #expect(run.reference.version == 2 && run.reached["reminder"] != nil)
        #expect(try v2.workflow.moveSchedules(of: caseID, by: coordinator).isEmpty)
    }

    @Test("Past its capacity the cache forgets the least recently used quarter, and keeps what was just used")
    func leastRecentlyUsedAreForgotten() {
        let cache = StateCache(capacity: 8)
        for index in 0..<8 { cache.store("s-\(index)", state: index, version: 1, lastEventID: UUID()) }
        _ = cache.entry("s-0", as: Int.self) // used again: now the most recent
        cache.store("s-8", state: 8, version: 1, lastEventID: UUID()) // nine: down to six
        let kept = (0...8).filter { cache.entry("s-\($0)", as: Int.self) != nil }
        #expect(kept == [0, 4, 5, 6, 7, 8])
    }

    @Test("A page reading while a command's state is ahead of its snapshot reads right, from its own entry next time")
    func aReadBehindTheCommandsCacheKeepsItsOwnEntry() throws {
        var fixture = try AppFixture()
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        try fixture.workflow.execute(
            .recordAgencyInvolved(
                AgencyInvolvement(
                    agencyID: AgencyID(UUID()), agencyName: "Northgate Surgery", kind: .gp,
                    contactEmail: "lead@gp.example.org")),
            on: caseID, by: fixture.coordinator)
        let handler = fixture.workflow.handler
        let commands = try #require(handler.cache)
        let snapshots = try #require(handler.snapshotCache)
        let streamID = caseID.streamID
        let stored = try fixture.engine.store.streamVersion(of: streamID)
        let truth = try FoldingProjection<CaseDecider>.fold(fixture.engine.store.readStream(streamID))
        // A command in flight has left its state one version on, under an event id no stored event carries.
        commands.store(streamID, state: CaseDecider.initialState, version: stored + 1, lastEventID: UUID())

        #expect(try fixture.workflow.caseState(caseID) == truth)
        let kept = try #require(snapshots.entry(streamID, as: CaseState.self))
        #expect(kept.version == stored && kept.state == truth)
        // The command's entry is left as it was: it may yet commit.
        #expect(commands.entry(streamID, as: CaseState.self)?.version == stored + 1)
        #expect(try fixture.workflow.caseState(caseID) == truth)
    }
}

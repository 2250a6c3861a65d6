import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// A panel's history as steps at instants, run in time order through the real commands on an engine whose
/// clock it moves. Between steps the deadline scheduler fires each timer at the moment it falls due (as the
/// server's scheduler would) and the outbox is dispatched, so reminders, escalations and emails happen when
/// they would have. Steps are planned in days before `now` ("daysAgo") at an hour of London time; a step that
/// would fall after `now` has not happened and is left out.
final class DemoHistory {
    struct Step {
        var at: Date
        var order: Int
        var run: () throws(CommandError) -> Void
    }

    /// How far back the history starts: about fourteen months.
    static let days = 425

    let engine: Engine
    let clock: ManualClock
    let now: Date
    let today: CalendarDate
    let mail: OutboxDispatcher?
    /// The forms in `Forms/`: returned forms name their definitions, and finalising a part of the national
    /// return checks its required items against them (nil: nothing is finalised).
    let forms: FormCatalog?
    var children: DemoChildren
    private(set) var steps: [Step] = []

    var cases: [String: CaseID] = [:]
    var meetings: [String: MeetingID] = [:]
    var agencies: [String: AgencyID] = [:]
    var requests: [String: FormRequestID] = [:]
    var involved: Set<String> = []

    init(engine: Engine, clock: ManualClock, now: Date, mail: OutboxDispatcher?, seed: UInt64, forms: FormCatalog?) {
        self.engine = engine
        self.forms = forms
        self.clock = clock
        self.now = now
        self.mail = mail
        today = LondonTime.day(of: now)
        children = DemoChildren(random: SeededRandom(seed: seed))
    }

    var workflow: CaseWorkflow { engine.workflow }

    /// The day `daysAgo` days before today (negative: after).
    func day(_ daysAgo: Int) -> CalendarDate { today.adding(days: -daysAgo) }

    /// The instant England's clocks show `hour:minute` on that day.
    func instant(_ daysAgo: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        LondonTime.instant(on: day(daysAgo), at: TimeOfDay(hour: hour, minute: minute)!)
    }

    /// Plans `run` at `hour:minute`, `daysAgo` days before today; left out when it falls after now.
    func at(_ daysAgo: Int, _ hour: Int, _ minute: Int = 0, _ run: @escaping () throws(CommandError) -> Void) {
        let when = instant(daysAgo, hour, minute)
        guard when <= now else { return }
        precondition(daysAgo <= Self.days, "a demo step before the history starts")
        steps.append(Step(at: when, order: steps.count, run: run))
    }

    /// The case planned under `key` (notified by an earlier step).
    func caseID(_ key: String) -> CaseID {
        guard let id = cases[key] else { preconditionFailure("demo case \(key) used before it was notified") }
        return id
    }

    func meetingID(_ key: String) -> MeetingID {
        guard let id = meetings[key] else { preconditionFailure("demo meeting \(key) used before it was scheduled") }
        return id
    }

    /// A new identifier from the engine's generator (injected, so a test can make the whole set predictable).
    func newID() -> UUID { workflow.makeID() }

    // MARK: Running

    /// Runs every planned step in time order, then brings the clock to `now`.
    func run() async throws(CommandError) {
        clock.set(instant(Self.days, 8))
        for step in steps.sorted(by: { ($0.at, $0.order) < ($1.at, $1.order) }) {
            try await advance(to: step.at)
            try step.run()
            await dispatch()
        }
        try await advance(to: now)
    }

    /// Moves the clock to `instant`, firing each timer due on the way at its own due time.
    private func advance(to instant: Date) async throws(CommandError) {
        while let due = try nextDueTimer(by: instant) {
            clock.set(max(clock.now(), due))
            let report = engine.scheduler.tick()
            if let failed = report.failed.first {
                throw .rejected(
                    DomainError(
                        code: "demo.timerFailed",
                        "The demo's timer \(failed.step) on case \(failed.caseReference) failed: \(failed.message)"))
            }
            await dispatch()
            // A tick that acted on nothing would find the same timer again: stop rather than spin.
            if report.fired.allSatisfy({ $0.outcome == "alreadyFired" || $0.outcome == "nothingToDo" }) { break }
        }
        clock.set(max(clock.now(), instant))
    }

    private func nextDueTimer(by instant: Date) throws(CommandError) -> Date? {
        do throws(EventStoreError) {
            return try engine.store.snapshot { db in try TimerQueries.due(at: instant, limit: 1, in: db).first?.dueAt }
        } catch {
            throw .store(error)
        }
    }

    /// Sends what the outbox holds at the clock's now, when the demo sends mail.
    private func dispatch() async {
        guard let mail, (try? pendingMail()) ?? 0 > 0 else { return }
        _ = await mail.dispatchAll()
    }

    private func pendingMail() throws -> Int {
        try engine.store.snapshot { db in try OutboxQueries.count(state: "pending", in: db) }
    }
}

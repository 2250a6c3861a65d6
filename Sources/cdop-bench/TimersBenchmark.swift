import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB

/// `cdop-bench timers`: one tick over 100,000 pending timers of which 1,000 are due.
///
/// `timers.tick` is the tick finding its due timers through the partial index of pending timers, beside the
/// baseline of a full scan of pending timers filtered by due time (what a scheduler without the index does).
/// `timers.fire` is the whole tick, finding and firing the 1,000 due timers as commands, beside the same
/// 1,000 steps found by the full scan and fired the same way: it shows how much of a tick is the firing.
struct TimersBenchmark {
    let folder: URL
    var pending = 100_000
    var due = 1_000

    func run(progress: (String) -> Void) throws -> [Figure] {
        let requestsPerCase = 5
        let cases = due / requestsPerCase
        progress("timers: \(cases) cases with \(due) due reminders, \(pending - due) further pending timers")
        let (engine, clock) = try makeEngine(name: "timers")
        try seedCases(engine, clock: clock, cases: cases, requestsPerCase: requestsPerCase)
        try seedFuturePending(engine, count: pending - engine.pendingTimerCount())
        clock.advance(days: 10, hours: 2) // the 10-day reminders are due; nothing else is
        let now = clock.now()

        // Finding the due timers: index against full scan, best of five each.
        var indexed = Double.infinity
        var scanned = Double.infinity
        var foundIndexed = 0
        var foundScanned = 0
        for _ in 0..<5 {
            let started = DispatchTime.now().uptimeNanoseconds
            foundIndexed = try engine.sqliteStore!.read { db in
                try TimerQueries.due(at: now, limit: 100_000, in: db).count
            }
            indexed = min(indexed, milliseconds(since: started))
            let scanStarted = DispatchTime.now().uptimeNanoseconds
            foundScanned = try engine.sqliteStore!.read { db in try Self.fullScanDue(at: now, in: db) }
            scanned = min(scanned, milliseconds(since: scanStarted))
        }
        precondition(
            foundIndexed == due && foundScanned == due, "expected \(due) due, found \(foundIndexed)/\(foundScanned)")

        progress("timers: firing \(due) due timers in one tick")
        let tickStarted = DispatchTime.now().uptimeNanoseconds
        let report = engine.scheduler.tick()
        let tick = milliseconds(since: tickStarted)
        precondition(
            report.fired.count == due && report.failed.isEmpty,
            "tick fired \(report.fired.count), failed \(report.failed.count)")

        return [
            Figure(
                name: "timers.tick", value: indexed, unit: "ms", baseline: scanned, better: .lower,
                baselineLabel: "full scan of \(pending) pending timers", target: "ratio <= 0.05, value < 50 ms"),
            Figure(
                name: "timers.fire", value: tick, unit: "ms", baseline: indexed, better: .lower,
                baselineLabel: "finding the \(due) due timers alone", target: "(informative)"),
        ]
    }

    /// The baseline: read every pending timer and keep those due.
    static func fullScanDue(at now: Date, in db: Database) throws -> Int {
        let moment = UTCTimestamp.string(from: now)
        var count = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM timers NOT INDEXED WHERE state = 'pending'")
        while let row = try rows.next() {
            if let dueAt: String = row["due_at"], dueAt <= moment { count += 1 }
        }
        return count
    }

    private func makeEngine(name: String) throws -> (Engine, TestClock) {
        let path = folder.appendingPathComponent("\(name).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var configuration = AppConfiguration()
        configuration.databasePath = path
        let clock = TestClock(iso: "2026-03-02T08:00:00Z")
        var options = EventStoreOptions()
        options.durability = .processCrash
        let catalog = StaticScheduleCatalog(definitions: [TestSchedules.formB], calendar: TestSchedules.calendar)
        return (
            try Engine(configuration: configuration, clock: clock, storeOptions: options, schedules: catalog), clock
        )
    }

    private func seedCases(_ engine: Engine, clock: TestClock, cases: Int, requestsPerCase: Int) throws {
        try SyntheticPanel.casesWithFormRequests(
            on: engine, today: LondonTime.day(of: clock.now()), cases: cases, agencies: requestsPerCase, seed: 42,
            by: Actor(name: "bench", role: "coordinator"))
    }

    /// Pending timers of other cases, due months ahead, written straight into the read model.
    private func seedFuturePending(_ engine: Engine, count: Int) throws {
        try engine.sqliteStore!.write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO timers (timer_id, case_id, target, schedule_id, schedule_version, step, action, template, due_at, state)
                    VALUES (?, ?, 'case-review', 'case-review', 1, 'panel-review', 'panel-review target', NULL, ?, 'pending')
                    """)
            let base = Date(timeIntervalSince1970: 1_790_000_000)
            for index in 0..<count {
                try statement.execute(arguments: [
                    UUID().uuidString.lowercased(), UUID().uuidString.lowercased(),
                    UTCTimestamp.string(from: base.addingTimeInterval(Double(index % 5000) * 3600)),
                ])
            }
        }
    }

    private func milliseconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}

extension Engine {
    func pendingTimerCount() throws -> Int {
        try store.snapshot { db in try db.value(Int.self, "SELECT COUNT(*) FROM timers WHERE state = 'pending'") ?? 0 }
    }
}

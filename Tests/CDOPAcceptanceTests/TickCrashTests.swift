import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// Firing is keyed by timer id: a second tick, two schedulers at once, or a tick killed half-way never acts on a
/// step twice.
@Suite("Ticks that crash or run side by side", .serialized)
struct TickCrashTests {
    /// A panel on `storage` with `cases` cases of four Form B requests each, all requested on 2 March 2026.
    func seededPanel(_ folder: TemporaryDirectory, cases: Int, on storage: StorageEngine) throws -> AppConfiguration {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.definitionsPath = BuiltProducts.packageRoot.path
        try storage.prepare(&configuration)
        let clock = TestClock(iso: "2026-03-02T08:00:00Z")
        var options = EventStoreOptions()
        options.durability = .processCrash
        let engine = try Engine(
            configuration: configuration, clock: clock, storeOptions: options, schedules: TestSchedules.catalog)
        try SyntheticPanel.casesWithFormRequests(
            on: engine, today: LondonTime.day(of: clock.now()), cases: cases, seed: 9)
        return configuration
    }

    /// How often each (case, target, step) was reached, and each (request, reminder step) issued.
    func firings(_ configuration: AppConfiguration) async throws -> (
        steps: [String: Int], reminders: [String: Int], pendingDue: Int
    ) {
        let engine = try Engine(
            configuration: configuration, clock: TestClock(iso: "2026-04-20T00:00:00Z"),
            schedules: TestSchedules.catalog)
        var steps: [String: Int] = [:]
        var reminders: [String: Int] = [:]
        var position: Int64 = 0
        while true {
            let batch = try await engine.store.events(after: position, limit: 2000)
            guard let last = batch.last else { break }
            position = last.position
            for recorded in batch where recorded.streamID.hasPrefix("case-") {
                switch try recorded.decoded(as: CaseEvent.self) {
                case .scheduleStepReached(let e):
                    steps["\(recorded.streamID)|\(e.target.key)|\(e.step)", default: 0] += 1
                case .formReminderIssued(let e): reminders["\(e.requestID)|\(e.step)", default: 0] += 1
                default: break
                }
            }
        }
        let due = try engine.store.snapshot { db in
            try TimerQueries.due(at: ISO8601DateFormatter().date(from: "2026-04-20T00:00:00Z")!, limit: 100_000, in: db)
                .count
        }
        return (steps, reminders, due)
    }

    /// The settings of a `cdop` process on `configuration`'s panel.
    func environment(_ configuration: AppConfiguration) -> [String: String?] {
        StorageEngine.environment(of: configuration).merging(["CDOP_DEFINITIONS": BuiltProducts.packageRoot.path]) {
            $1
        }
    }

    @Test(
        "A tick killed with SIGKILL half-way, then run again, fires each due timer exactly once",
        arguments: StorageEngine.selected)
    func killedTickFiresEachTimerOnce(storage: StorageEngine) async throws {
        let folder = TemporaryDirectory("cdop-tick-crash")
        let configuration = try seededPanel(folder, cases: 60, on: storage)
        let environment = environment(configuration)
        // Seven weeks later all 5 steps of each of the 240 requests are due: 1,200 timers.
        var kills = 0
        for round in 0..<4 {
            let tick = try ChildProcess(
                BuiltProducts.executable("cdop"), ["tick", "--now", "2026-04-20T00:00:00Z", "--json"],
                environment: environment)
            // Later each round, to kill it at another point of the tick: the kill's timing is what is under test.
            try await Task.sleep(for: .milliseconds(150 + 120 * round))
            if tick.isRunning {
                await tick.kill(SIGKILL)
                kills += 1
            } else {
                _ = await tick.waitForExit()
            }
        }
        let partial = try await firings(configuration)
        #expect(kills >= 1, "every tick finished before it could be killed: the test proved nothing")
        #expect(partial.steps.values.allSatisfy { $0 == 1 })
        // A final tick, run to the end, fires the rest; a tick after that fires nothing.
        let finish = try ChildProcess(
            BuiltProducts.executable("cdop"), ["tick", "--now", "2026-04-20T00:00:00Z", "--json"],
            environment: environment)
        #expect(await finish.waitForExit(timeout: .seconds(300)) == 0, "\(finish.standardError)")
        let after = try ChildProcess(
            BuiltProducts.executable("cdop"), ["tick", "--now", "2026-04-20T00:00:00Z", "--json"],
            environment: environment)
        #expect(await after.waitForExit() == 0)
        let report = try JSONSerialization.jsonObject(with: Data(after.standardOutput.utf8)) as? [String: Any]
        #expect((report?["fired"] as? [Any])?.count == 0)

        let final = try await firings(configuration)
        #expect(final.steps.count == 240 * 5, "every step of every request reached")
        #expect(final.steps.values.allSatisfy { $0 == 1 }, "a step was reached twice")
        #expect(final.reminders.count == 240 * 2 && final.reminders.values.allSatisfy { $0 == 1 })
        #expect(final.pendingDue == 0)
    }

    @Test(
        "Two schedulers ticking the same database at once fire each timer once between them",
        arguments: StorageEngine.selected)
    func twoSchedulersAtOnce(storage: StorageEngine) async throws {
        let folder = TemporaryDirectory("cdop-two-schedulers")
        let configuration = try seededPanel(folder, cases: 20, on: storage)
        let environment = environment(configuration)
        let ticks = try (0..<2).map { _ in
            try ChildProcess(
                BuiltProducts.executable("cdop"), ["tick", "--now", "2026-04-20T00:00:00Z", "--json"],
                environment: environment)
        }
        var fired = 0
        for tick in ticks {
            let status = await tick.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "\(tick.standardError)")
            let report = try #require(
                try? JSONSerialization.jsonObject(with: Data(tick.standardOutput.utf8)) as? [String: Any],
                "exit \(status), output \(tick.standardOutput.prefix(500)), error \(tick.standardError.prefix(2000))")
            let entries = report["fired"] as? [[String: Any]] ?? []
            fired +=
                entries.filter {
                    ($0["outcome"] as? String) != "alreadyFired" && ($0["outcome"] as? String) != "nothingToDo"
                }.count
        }
        let result = try await firings(configuration)
        #expect(fired == 80 * 5)
        #expect(result.steps.count == 80 * 5 && result.steps.values.allSatisfy { $0 == 1 })
    }
}

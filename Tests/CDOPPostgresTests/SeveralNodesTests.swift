import CDOPApp
import CDOPDefinitions
import CDOPDemo
import CDOPMail
import CDOPPostgres
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// Two cdop nodes on one PostgreSQL database, as a hosted service runs them: both tick and both send at the
/// same moment, and between them each due timer fires once and each email goes once.
@Suite("Several nodes on one PostgreSQL database")
struct SeveralNodesTests {
    @Test("Two nodes ticking and sending together fire each timer once and send each email once")
    func twoNodesFireEachTimerAndSendEachEmailOnce() async throws {
        let folder = TemporaryDirectory("cdop-nodes")
        let database = try ThrowawayPostgres.shared().makeDatabase()
        let first = try await ReadModelEngineTests.demo(in: folder, postgres: database.url)
        // A month on: reminders, escalations and targets fall due across the demo's open cases.
        let later = ReadModelEngineTests.now.addingTimeInterval(30 * 86_400)
        let nodes = try (0..<2).map { _ in try Self.node(folder, database.url, now: later) }
        let due = try nodes[0].store.snapshot { db in try TimerQueries.due(at: later, limit: 100_000, in: db) }
        #expect(due.count > 20, "timers due a month on: \(due.count)")
        let before = try await first.store.headPosition()

        let ticks = await withTaskGroup(of: DeadlineScheduler.TickReport.self) { group in
            for node in nodes { group.addTask { node.scheduler.tick() } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let failed = ticks.flatMap(\.failed)
        #expect(failed.isEmpty, "\(failed)")
        let reached = try await first.store.events(after: before, limit: 100_000)
            .filter { $0.type == "case.scheduleStepReached.v1" }
        #expect(reached.count == due.count, "steps reached: \(reached.count), timers due: \(due.count)")
        let distinct = Set(reached.map { "\($0.streamID) \(String(decoding: $0.data, as: UTF8.self))" })
        #expect(distinct.count == reached.count)
        let stillDue = try nodes[1].store.snapshot { db in try TimerQueries.due(at: later, limit: 10, in: db) }
        #expect(stillDue.isEmpty)

        let pending = try nodes[0].store.snapshot { db in try OutboxQueries.list(state: "pending", in: db) }
        #expect(pending.count > 10, "emails waiting: \(pending.count)")
        let spools = (0..<2).map { folder.path("spool-node-\($0)") }
        let templates = try DeclaredSchedules.load(nodes[0].configuration).definitions.templates
        await withTaskGroup(of: Void.self) { group in
            for (node, spool) in zip(nodes, spools) {
                var dispatcher = node.dispatcher(templates: templates, transport: SpoolTransport(directory: spool))
                dispatcher.policy.batchSize = 4
                group.addTask { _ = await dispatcher.dispatchAll() }
            }
        }
        let byNode = spools.map { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        let sent = byNode.flatMap { $0 }
        #expect(sent.count == pending.count, "sent \(sent.count) of \(pending.count) between the nodes")
        #expect(Set(sent).count == sent.count, "an email went twice")
        #expect(byNode.allSatisfy { !$0.isEmpty }, "each node sent some: \(byNode.map(\.count))")
        let left = try nodes[1].store.snapshot { db in try OutboxQueries.list(state: "pending", in: db) }
        #expect(left.isEmpty)
    }

    /// A node: an engine of its own on the shared database, with the panel's keys and link secret.
    static func node(_ folder: TemporaryDirectory, _ url: String, keys: String? = nil, now: Date) throws -> Engine {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.databaseURL = url
        configuration.keysDatabaseURL = keys
        configuration.definitionsPath = BuiltProducts.packageRoot.path
        configuration.linkSecret = Data(repeating: 7, count: 32)
        return try Engine(
            configuration: configuration, clock: ManualClock(now), schedules: try DeclaredSchedules.load(configuration))
    }
}

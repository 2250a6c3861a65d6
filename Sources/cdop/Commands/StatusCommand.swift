import ArgumentParser
import CDOPApp
import CDOPStore

/// `cdop status`: what the database holds, for operators and for `make run` before the server exists (which,
/// with CDOP_DEMO=1, loads the demo data set into an empty database first).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show what the database holds: events, streams, schema, consumers.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await options.loadDemoIfAsked()
        let configuration = try options.configuration()
        let engine = try options.engine()
        let status = try StoreStatus.read(engine.store)
        if options.json {
            print(Output.json(status))
            return
        }
        print("cdop: \(configuration.panelName)")
        print("database     \(status.databasePath)")
        print("events       \(status.events) (last position \(status.lastPosition))")
        print("last event   \(status.lastRecordedAt ?? "none yet")")
        let streams = status.streamsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        print("streams      \(streams.isEmpty ? "none" : streams.joined(separator: ", "))")
        print("areas        \(configuration.panelAreas.map { "\($0.name) (\($0.code))" }.joined(separator: ", "))")
        let stages = status.casesByStage.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        print("cases        \(stages.isEmpty ? "none" : stages.joined(separator: ", "))")
        print(
            "timers       \(status.timersPending) pending, \(status.timersOverdue) overdue (run `cdop tick` to fire them)"
        )
        print("schema       \(status.migrations.joined(separator: ", "))")
    }
}

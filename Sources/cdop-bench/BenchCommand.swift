import ArgumentParser
import Foundation

/// `cdop-bench`: every figure beside a baseline measured in the same run.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdop-bench",
        abstract: "Measure cdop against baselines taken in the same run.",
        discussion: "Build with -c release: swift run -c release cdop-bench [store] [--json]")

    @Argument(help: "Which benchmarks to run: store, timers, mail, http, report, import, or all.")
    var suites: [String] = ["all"]

    @Flag(help: "Print the figures as a JSON array of {name, value, unit, baseline, ratio, better}.")
    var json = false

    @Option(help: "Events for the store benchmark.")
    var events = 100_000

    @Option(help: "Streams the events are spread over.")
    var streams = 10_000

    @Option(help: "Pending timers for the timers benchmark.")
    var timersPending = 100_000

    @Option(help: "Due timers for the timers benchmark (a multiple of 5).")
    var timersDue = 1_000

    @Option(help: "Cases for the report benchmark (about 25 events each).")
    var reportCases = 40_000

    @Option(help: "Rows of the generated file for the import benchmark.")
    var importRows = 10_000

    @Option(help: "Folder for the benchmark's databases (removed afterwards).")
    var workDirectory: String?

    @Option(help: "The engine the store and report benchmarks measure: sqlite, or postgres (a cluster of its own).")
    var engine = "sqlite"

    func validate() throws {
        let known: Set = ["all", "store", "timers", "mail", "http", "report", "import"]
        for suite in suites where !known.contains(suite) {
            throw ValidationError(
                "Unknown benchmark \"\(suite)\". Choose from: \(known.sorted().joined(separator: ", ")).")
        }
        guard events > 0, streams > 0 else { throw ValidationError("--events and --streams must be positive.") }
        guard ["sqlite", "postgres"].contains(engine) else {
            throw ValidationError("Unknown engine \"\(engine)\". Choose sqlite or postgres.")
        }
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: workDirectory ?? NSTemporaryDirectory())
            .appendingPathComponent("cdop-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress: (String) -> Void = { message in
            if !json { FileHandle.standardError.write(Data("… \(message)\n".utf8)) }
        }
        var figures: [Figure] = []
        let all = suites.contains("all")
        if engine == "postgres" && (all || suites.contains("store")) {
            figures += try await PostgresStoreBenchmark(events: events, streams: min(streams, events)).run(
                progress: progress)
        } else if all || suites.contains("store") {
            figures += try StoreBenchmark(events: events, streams: min(streams, events), folder: folder).run(
                progress: progress)
            figures += try await ConcurrentAppendBenchmark(events: min(events, 2_000), folder: folder).run(
                progress: progress)
        }
        if all || suites.contains("timers") {
            figures += try TimersBenchmark(folder: folder, pending: timersPending, due: timersDue).run(
                progress: progress)
        }
        if all || suites.contains("mail") {
            figures += try await MailBenchmark(folder: folder).run(progress: progress)
        }
        if all || suites.contains("http") {
            figures += try await HTTPBenchmark(folder: folder).run(progress: progress)
        }
        if all || suites.contains("report") {
            figures += try ReportBenchmark(cases: reportCases, folder: folder, postgres: engine == "postgres").run(
                progress: progress)
        }
        if all || suites.contains("import") {
            figures += try ImportBenchmark(rows: importRows, folder: folder).run(progress: progress)
        }
        print(json ? FigureReport.json(figures) : FigureReport.table(figures))
    }
}

import CDOPApp
import CDOPStore
import CDOPTesting
import Foundation

/// `cdop-bench import`: `cdop import` of a generated historic file (every row read, checked against the rules
/// and the cases recorded, then written in batched transactions with the read models inline), in events per
/// second from the text to the last commit, beside `store.append.100` measured in the same run: before and
/// after the import, averaged, since this kind of machine drifts by a third from minute to minute.
struct ImportBenchmark {
    var rows: Int
    let folder: URL

    func run(progress: (String) -> Void) throws -> [Figure] {
        let store = StoreBenchmark(events: 100_000, streams: 10_000, folder: folder)
        progress("import: baseline, 100000 events through the store, 100 per transaction")
        let before = try store.appendToFreshStore(perTransaction: 100).rate
        progress("import: generating a file of \(rows) rows")
        let text = SyntheticHistoricFile.csv(rows: rows)
        var configuration = AppConfiguration()
        configuration.databasePath = folder.appendingPathComponent("import.sqlite").path
        let engine = try Engine(configuration: configuration)
        let importer = HistoricImport(workflow: engine.workflow, panel: engine.panel)
        progress("import: importing \(rows) rows")
        let started = DispatchTime.now().uptimeNanoseconds
        let summary = try importer.run(text, by: Actor(name: "cdop-bench", role: "coordinator"))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        precondition(summary.cases == rows, "the generated file must import whole")
        progress(
            "import: \(summary.cases) cases (\(summary.reviewed) reviewed), \(summary.events) events in "
                + String(format: "%.2f s", seconds))
        progress("import: baseline again")
        let after = try store.appendToFreshStore(perTransaction: 100).rate
        let baseline = (before + after) / 2
        progress(String(format: "import: store.append.100 %.0f events/s before, %.0f after", before, after))
        return [
            Figure(
                name: "import.events", value: Double(summary.events) / seconds, unit: "events/s", baseline: baseline,
                better: .higher, baselineLabel: "store.append.100, same run", target: "ratio >= 0.5")
        ]
    }
}

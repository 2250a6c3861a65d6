import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPStore
import CDOPTesting
import Foundation

/// `cdop-bench report`: the annual report over `cases` cases (about 11 years of every child death in England
/// at 40,000) beside one plain SQL count over the same rows, and `cdop rebuild` of all their events beside the
/// store's raw read of the same events; on SQLite, or (`--engine postgres`) on a PostgreSQL cluster of its own.
struct ReportBenchmark {
    var cases: Int
    let folder: URL
    var postgres = false

    func run(progress: (String) -> Void) throws -> [Figure] {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.appendingPathComponent("report.sqlite").path
        configuration.linkSecret = Data(repeating: 1, count: 32)
        var cluster: ThrowawayPostgres?
        if postgres {
            progress("report (postgres): starting a cluster of the benchmark's own, fsync on")
            cluster = try ThrowawayPostgres(durable: true)
            configuration.databaseURL = try cluster?.makeDatabase().url
        }
        defer { try? cluster?.stop() }
        var options = EventStoreOptions()
        options.durability = .processCrash
        let engine = try Engine(configuration: configuration, storeOptions: options)
        try generate(into: engine, progress: progress)
        let events = try engine.store.snapshot { db in try EventRows.lastPosition(in: db) }
        let suffix = postgres ? ".postgres" : ""
        let period = try ReportPeriod.reportingYear(2023)
        let query = AnnualReportQuery(panel: engine.panel, period: period)
        let asAt = CalendarDate(year: 2025, month: 6, day: 1)!

        progress("report: the annual report for \(period.label), best of 5")
        var reportBest = Double.infinity
        var countBest = Double.infinity
        var notified = 0
        for _ in 0..<5 {
            let started = DispatchTime.now().uptimeNanoseconds
            let report = try query.run(on: engine.store, asAt: asAt)
            reportBest = min(reportBest, seconds(since: started))
            notified = report.figure("Deaths notified") ?? 0
            precondition(report.mismatches.isEmpty, "the benchmark's report has totals that disagree")

            let countStarted = DispatchTime.now().uptimeNanoseconds
            let counted = try engine.store.snapshot { db in
                try db.value(
                    Int.self,
                    "SELECT COUNT(*) FROM report_facts WHERE counts_for_panel = 1 AND notified_on BETWEEN ? AND ?",
                    period.from.iso, period.to.iso) ?? 0
            }
            countBest = min(countBest, seconds(since: countStarted))
            precondition(
                counted == notified, "the report's deaths notified (\(notified)) are not the plain count (\(counted))")
        }

        // The baseline first and at its best of three, so that it is never slowed by the rebuild's scratch
        // files still being written back to disk: the ratio errs against the rebuild, not for it.
        progress("report: reading the same \(events) events raw, best of 3")
        var readSeconds = Double.infinity
        var read = 0
        for _ in 0..<3 {
            let readStarted = DispatchTime.now().uptimeNanoseconds
            read = 0
            try engine.store.forEachBatch(batchSize: 2000) { batch in
                read += batch.count
                return true
            }
            readSeconds = min(readSeconds, seconds(since: readStarted))
        }
        progress("report: rebuilding every read model from \(events) events")
        let rebuildStarted = DispatchTime.now().uptimeNanoseconds
        let rebuild = try ReadModelRebuild(store: engine.store, scratchBeside: configuration.keysPath).run()
        let rebuildSeconds = seconds(since: rebuildStarted)
        guard rebuild.isClean else {
            throw BenchmarkFailure(
                description: "the rebuilt read models differ from the live ones: \(rebuild.differences)")
        }
        progress(
            String(
                format: "report: rebuild replayed in %.2f s, wrote in %.2f s, compared in %.2f s",
                rebuild.seconds.replay, rebuild.seconds.write, rebuild.seconds.compare))
        return [
            Figure(
                name: "report.annual" + suffix, value: reportBest, unit: "s", baseline: countBest, better: .lower,
                baselineLabel: "one SQL COUNT over the year's \(notified) rows of \(cases) cases", target: "< 1 s"),
            Figure(
                name: "rebuild" + suffix, value: rebuildSeconds, unit: "s", baseline: readSeconds, better: .lower,
                baselineLabel: "the store's raw read of the same \(read) events", target: "ratio <= 5"),
        ]
    }

    /// `cases` deaths spread over the eleven reporting years from April 2014, appended 250 cases a transaction.
    private func generate(into engine: Engine, progress: (String) -> Void) throws {
        var generator = SyntheticCaseEvents(
            panel: engine.panel, now: ISO8601DateFormatter().date(from: "2025-06-01T09:00:00Z")!,
            random: SeededRandom(seed: 2014))
        let first = CalendarDate(year: 2014, month: 4, day: 1)!
        let span = first.days(until: CalendarDate(year: 2025, month: 3, day: 31)!)
        let moment = Date(timeIntervalSince1970: 1_748_768_400)
        var done = 0
        let started = DispatchTime.now().uptimeNanoseconds
        while done < cases {
            let batch = min(250, cases - done)
            var appends: [StreamAppend] = []
            for index in 0..<batch {
                let died = first.adding(days: (done + index) * span / cases)
                let (stream, events) = try generator.caseEvents(died: died)
                appends.append(StreamAppend(streamID: stream, expected: .noStream, events: events))
            }
            try engine.store.writing { db in
                _ = try engine.store.append(appends, commandID: nil, recordedAt: moment, in: db)
            }
            done += batch
            if done % 5_000 == 0 || done == cases {
                progress(
                    "report: \(done) of \(cases) cases appended (\(Int(Double(done) / seconds(since: started))) cases/s)"
                )
            }
        }
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// A benchmark whose own checks failed: its figures would mean nothing.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

import CDOPApp
import CDOPStore
import Foundation
import Histogram

/// `cdop-bench store`: CDOPStore against raw SQLite on the same schema, the same rows and the same settings.
struct StoreBenchmark {
    var events: Int
    var streams: Int
    let folder: URL

    func run(progress: (String) -> Void) throws -> [Figure] {
        let payload = BenchmarkPayload()
        var figures: [Figure] = []

        for perTransaction in [1, 100] {
            progress("store: \(events) events, \(perTransaction) per transaction, raw SQLite")
            let rawPath = try freshSchema("raw-\(perTransaction)")
            let raw = RawSQLiteBaseline(path: rawPath)
            let rawStarted = DispatchTime.now().uptimeNanoseconds
            let rawDurations = raw.insert(
                count: events, streams: streams, perTransaction: perTransaction, payload: payload)
            let rawRate = Double(events) / seconds(since: rawStarted)

            progress("store: \(events) events, \(perTransaction) per transaction, CDOPStore")
            let (store, storeDurations, storeRate) = try appendToFreshStore(
                perTransaction: perTransaction, payload: payload)

            let name = "store.append.\(perTransaction)"
            figures.append(
                Figure(
                    name: name, value: storeRate, unit: "events/s", baseline: rawRate, better: .higher,
                    baselineLabel: "raw SQLite C API, same rows", target: "ratio >= 0.7"))
            if perTransaction == 1 {
                progress("store: \(events) events, 1 per transaction, CDOPStore sealing their personal fields")
                let (_, _, sealedRate) = try appendToFreshStore(perTransaction: 1, payload: payload, sealed: true)
                // The machine drifts from minute to minute: the baseline is taken again after the sealed run, and
                // the two averaged, so the drift favours neither.
                progress("store: \(events) events, 1 per transaction, CDOPStore again (the sealed run's baseline)")
                let (_, _, storeRateAfter) = try appendToFreshStore(perTransaction: 1, payload: payload)
                figures.append(
                    Figure(
                        name: "store.append.encrypted", value: sealedRate, unit: "events/s",
                        baseline: (storeRate + storeRateAfter) / 2, better: .higher,
                        baselineLabel: "store.append.1 before and after, averaged", target: "ratio >= 0.7"))
                let storeLatency = percentiles(storeDurations)
                let rawLatency = percentiles(rawDurations)
                figures.append(
                    Figure(
                        name: "\(name).p50", value: storeLatency.p50, unit: "µs", baseline: rawLatency.p50,
                        better: .lower,
                        baselineLabel: "raw SQLite p50"))
                figures.append(
                    Figure(
                        name: "\(name).p99", value: storeLatency.p99, unit: "µs", baseline: rawLatency.p99,
                        better: .lower,
                        baselineLabel: "raw SQLite p99"))
            }
            if perTransaction == 100 {
                progress("store: reading \(events) events in order")
                figures.append(try readFigure(store: store, raw: raw))
            }
        }
        return figures
    }

    private func readFigure(store: EventStore, raw: RawSQLiteBaseline) throws -> Figure {
        // Warm both once, then measure the better of three runs of each, so the page cache favours neither.
        var rawBest = 0.0
        var storeBest = 0.0
        let rounds = Int(ProcessInfo.processInfo.environment["CDOP_BENCH_READ_ROUNDS"] ?? "") ?? 3
        for _ in 0..<max(rounds, 1) {
            let rawStarted = DispatchTime.now().uptimeNanoseconds
            let rows = raw.readAll()
            rawBest = max(rawBest, Double(rows) / seconds(since: rawStarted))

            let storeStarted = DispatchTime.now().uptimeNanoseconds
            var read = 0
            try store.forEachBatch(batchSize: 1000) { batch in
                read += batch.count
                return true
            }
            precondition(read == events)
            storeBest = max(storeBest, Double(read) / seconds(since: storeStarted))
        }
        return Figure(
            name: "store.read", value: storeBest, unit: "events/s", baseline: rawBest, better: .higher,
            baselineLabel: "raw SQLite C API, same rows", target: ">= 1,000,000 events/s")
    }

    /// Appends the events through the store into a fresh file, `perTransaction` a transaction: the store, each
    /// append's duration, and the events appended a second (`store.append.N`; the import benchmark's baseline).
    /// `sealed`: through a store sealing each event's personal field (its contact email) under its case's key.
    func appendToFreshStore(
        perTransaction: Int, payload: BenchmarkPayload = BenchmarkPayload(), sealed: Bool = false
    ) throws -> (store: EventStore, durations: [UInt64], rate: Double) {
        let name = sealed ? "sealed-\(perTransaction)" : "store-\(perTransaction)"
        let store = try openStore(try freshSchema(name), sealed: sealed)
        let started = DispatchTime.now().uptimeNanoseconds
        let durations = try appendThroughStore(store, perTransaction: perTransaction, payload: payload)
        return (store, durations, Double(events) / seconds(since: started))
    }

    private func appendThroughStore(_ store: EventStore, perTransaction: Int, payload: BenchmarkPayload) throws
        -> [UInt64]
    {
        var durations: [UInt64] = []
        var versions = [Int64](repeating: 0, count: streams)
        let streamIDs = (0..<streams).map(BenchmarkPayload.streamID)
        let moment = Date(timeIntervalSince1970: 1_795_428_000)
        var written = 0
        var streamIndex = 0
        while written < events {
            let batch = min(perTransaction, events - written)
            let started = DispatchTime.now().uptimeNanoseconds
            let newEvents = (0..<batch).map { _ in
                NewEvent(eventID: UUID(), type: "case.formRequested.v1", data: payload.data, metadata: payload.metadata)
            }
            let result = try store.append(
                to: streamIDs[streamIndex], expected: .exact(versions[streamIndex]), events: newEvents,
                recordedAt: moment)
            durations.append(DispatchTime.now().uptimeNanoseconds - started)
            versions[streamIndex] = result.streamVersion
            written += batch
            streamIndex = (streamIndex + 1) % streams
        }
        return durations
    }

    private func openStore(_ path: String, sealed: Bool = false) throws -> EventStore {
        var options = EventStoreOptions()
        options.durability = .processCrash // the baseline's synchronous=NORMAL
        if sealed {
            let keys = PersonalDataProtection.keysPath(besides: path)
            options = try PersonalDataProtection.storeOptions(options, keysPath: keys, forms: [])
        }
        return try EventStore(path: path, options: options)
    }

    /// A new database file holding the store's schema and nothing else.
    private func freshSchema(_ name: String) throws -> String {
        let path = folder.appendingPathComponent("\(name).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try? FileManager.default.removeItem(atPath: PersonalDataProtection.keysPath(besides: path))
        _ = try openStore(path)
        return path
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func percentiles(_ nanoseconds: [UInt64]) -> (p50: Double, p99: Double) {
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        for value in nanoseconds { _ = histogram.record(max(1, value / 1000)) }
        return (Double(histogram.valueAtPercentile(50)), Double(histogram.valueAtPercentile(99)))
    }
}

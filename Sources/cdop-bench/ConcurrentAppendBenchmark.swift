import CDOPStore
import Foundation

/// `store.append.concurrent`: fifty writers appending one event each at once, against one writer appending the
/// same events one at a time, both at the server's durability (every commit fsynced), in fresh files. Group commit
/// lets overlapping appends share a transaction and its fsync.
struct ConcurrentAppendBenchmark {
    var events: Int
    var writers = 50
    let folder: URL

    func run(progress: (String) -> Void) async throws -> [Figure] {
        let payload = BenchmarkPayload()
        progress("store: \(events) events, one writer, one event a transaction, synchronous=FULL")
        let single = try openStore("concurrent-baseline")
        let singleStarted = ContinuousClock.now
        for index in 0..<events {
            try single.append(
                to: BenchmarkPayload.streamID(index), expected: .any, events: [event(payload)], recordedAt: moment)
        }
        let singleRate = Double(events) / (ContinuousClock.now - singleStarted).seconds

        progress("store: \(events) events, \(writers) writers at once, one event an append, synchronous=FULL")
        let store = try openStore("concurrent")
        let before = store.writes.statistics
        let started = ContinuousClock.now
        let perWriter = events / writers
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for index in 0..<perWriter {
                        try await store.append(
                            [
                                StreamAppend(
                                    streamID: BenchmarkPayload.streamID(writer * perWriter + index), expected: .any,
                                    events: [event(payload)])
                            ],
                            recordedAt: moment)
                    }
                }
            }
            try await group.waitForAll()
        }
        let rate = Double(perWriter * writers) / (ContinuousClock.now - started).seconds
        let after = store.writes.statistics
        let shared = Double(after.writes - before.writes) / Double(max(1, after.transactions - before.transactions))
        return [
            Figure(
                name: "store.append.concurrent", value: rate, unit: "events/s", baseline: singleRate, better: .higher,
                baselineLabel: "store.append.1 at synchronous=FULL, same run", target: "ratio >= 2"),
            Figure(
                name: "store.append.concurrent.per-commit", value: shared, unit: "appends/commit", baseline: 1,
                better: .higher, baselineLabel: "one append a commit"),
        ]
    }

    private let moment = Date(timeIntervalSince1970: 1_795_428_000)

    private func event(_ payload: BenchmarkPayload) -> NewEvent {
        NewEvent(eventID: UUID(), type: "case.formRequested.v1", data: payload.data, metadata: payload.metadata)
    }

    private func openStore(_ name: String) throws -> EventStore {
        let path = folder.appendingPathComponent("\(name).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var options = EventStoreOptions()
        options.durability = .powerLoss
        return try EventStore(path: path, options: options)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

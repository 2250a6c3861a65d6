import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// One acknowledged append as the probe printed it: `ACK <stream> <first> <last> <batch> <count>`.
struct Acknowledgement: Hashable {
    var stream: String
    var firstPosition: Int64
    var lastPosition: Int64

    init?(_ line: String) {
        let parts = line.split(separator: " ")
        guard parts.count == 6, parts[0] == "ACK", let first = Int64(parts[2]), let last = Int64(parts[3]) else {
            return nil
        }
        stream = String(parts[1])
        firstPosition = first
        lastPosition = last
    }
}

@Suite("Crash safety and concurrent processes", .serialized)
struct CrashSafetyTests {
    @Test("SIGKILL at random moments loses no acknowledged event, shows nothing partial, leaves no gap")
    func killedWriterLosesNothing() async throws {
        let folder = TemporaryDirectory("cdop-crash")
        let path = folder.path("crash.sqlite")
        var acknowledged: [Acknowledgement] = []
        for round in 0..<20 {
            let probe = try ChildProcess(
                BuiltProducts.executable("cdop-crash-probe"), ["append", "--db", path, "--batch", "3"])
            let started = await probe.waitForLines(atLeast: 1, timeout: .seconds(30)) { $0.hasPrefix("ACK") }
            #expect(started, "round \(round): the probe never acknowledged an append: \(probe.standardError)")
            // A random moment to kill it at, not a wait for anything: the kill's timing is what is under test.
            try await Task.sleep(for: .milliseconds(Int.random(in: 5...150)))
            await probe.kill(SIGKILL)
            acknowledged += probe.outputLines.compactMap(Acknowledgement.init)
        }

        let store = try EventStore(path: path)
        var all: [RecordedEvent] = []
        try store.forEachBatch(batchSize: 777) { batch in
            all += batch
            return true
        }
        // Gap-free positions from 1.
        #expect(all.map(\.position) == Array(1...Int64(all.count)))
        // Every acknowledged append is there, whole, where it was acknowledged.
        let byPosition = Dictionary(uniqueKeysWithValues: all.map { ($0.position, $0) })
        for ack in acknowledged {
            for position in ack.firstPosition...ack.lastPosition {
                #expect(byPosition[position]?.streamID == ack.stream, "acknowledged event \(position) missing")
            }
        }
        // Nothing partial: every stream holds its whole batch of 3, and every payload is complete JSON.
        let streams = Dictionary(grouping: all, by: \.streamID)
        #expect(streams.values.allSatisfy { $0.count == 3 })
        for event in all {
            let object = try JSONSerialization.jsonObject(with: event.data) as? [String: Any]
            #expect(object?["end"] as? Bool == true)
        }
        #expect(acknowledged.count >= 20)
    }

    @Test("Two processes writing one stream serialise: conflicts are concurrency errors, never locks or corruption")
    func twoProcessesContend() async throws {
        let folder = TemporaryDirectory("cdop-contend")
        let path = folder.path("shared.sqlite")
        _ = try EventStore(path: path) // create the schema once, as the server would
        let perProcess = 300
        let probes = try (0..<2).map { _ in
            try ChildProcess(
                BuiltProducts.executable("cdop-crash-probe"),
                ["contend", "--db", path, "--stream", "case-shared", "--count", "\(perProcess)"])
        }
        // Meanwhile this process writes other streams on the same file.
        let local = try EventStore(path: path)
        for index in 0..<100 {
            try local.append(to: "case-local-\(index)", expected: .noStream, events: events(1), recordedAt: Date())
        }
        for probe in probes {
            let status = await probe.waitForExit(timeout: .seconds(120))
            #expect(
                status == 0,
                "probe failed: \(probe.outputLines.filter { $0.hasPrefix("ERROR") }) \(probe.standardError)")
            #expect(probe.outputLines.last == "DONE")
            #expect(!probe.outputLines.contains { $0.localizedCaseInsensitiveContains("locked") })
        }
        let shared = try local.readStream("case-shared")
        #expect(shared.count == 2 * perProcess)
        #expect(shared.map(\.streamVersion) == Array(1...Int64(2 * perProcess)))
        #expect(try local.lastPosition() == Int64(2 * perProcess + 100))
        let integrity = try await local.database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}

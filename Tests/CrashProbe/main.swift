import CDOPStore
import Foundation

// A child process for the store's crash and contention tests. It appends until killed and prints one line per
// committed append, after the commit returns:  ACK <stream> <first-position> <last-position> <batch-id> <count>
//
//   cdop-crash-probe append  --db PATH [--batch N]       appends batches of N events to fresh streams
//   cdop-crash-probe contend --db PATH --stream S --count N
//                                                        appends N single events to one shared stream with the
//                                                        exact expected version, retrying on conflicts; prints
//                                                        CONFLICT for each conflict seen

/// Writes one line straight to the pipe (no buffering), so every printed acknowledgement is seen by the test.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
guard arguments.count > 1, let path = option("--db") else {
    FileHandle.standardError.write(Data("usage: cdop-crash-probe append|contend --db PATH ...\n".utf8))
    exit(64)
}

var options = EventStoreOptions()
options.durability = .processCrash
let store: EventStore
do {
    store = try EventStore(path: path, options: options)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

/// About 300 bytes of JSON that carries its own batch id, index and batch size, so a reader can tell a whole
/// batch from a partial one and a torn payload from a complete one.
func payload(batch: UUID, index: Int, count: Int) -> Data {
    let filler = String(repeating: "x", count: 180)
    return Data(
        """
        {"batch":"\(batch.uuidString)","index":\(index),"count":\(count),"filler":"\(filler)","end":true}
        """.utf8)
}

switch arguments[1] {
case "append":
    let batchSize = Int(option("--batch") ?? "3") ?? 3
    while true {
        let batch = UUID()
        let stream = "probe-\(batch.uuidString.lowercased())"
        let events = (0..<batchSize).map { index in
            NewEvent(
                eventID: UUID(), type: "probe.appended.v1", data: payload(batch: batch, index: index, count: batchSize))
        }
        do {
            let result = try store.append(to: stream, expected: .noStream, events: events, recordedAt: Date())
            say("ACK \(stream) \(result.firstPosition) \(result.lastPosition) \(batch.uuidString) \(batchSize)")
        } catch {
            FileHandle.standardError.write(Data("append failed: \(error)\n".utf8))
            exit(2)
        }
    }
case "contend":
    guard let stream = option("--stream"), let count = Int(option("--count") ?? "") else { exit(64) }
    var written = 0
    while written < count {
        let batch = UUID()
        do {
            let version = try store.streamVersion(of: stream)
            let event = NewEvent(
                eventID: UUID(), type: "probe.appended.v1", data: payload(batch: batch, index: 0, count: 1))
            let result = try store.append(to: stream, expected: .exact(version), events: [event], recordedAt: Date())
            say("ACK \(stream) \(result.firstPosition) \(result.lastPosition) \(batch.uuidString) 1")
            written += 1
        } catch EventStoreError.wrongExpectedVersion {
            say("CONFLICT")
        } catch {
            say("ERROR \(error)")
            exit(3)
        }
    }
    say("DONE")
default:
    exit(64)
}

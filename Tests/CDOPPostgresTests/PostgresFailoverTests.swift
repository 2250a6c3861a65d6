import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import Synchronization
import Testing

/// A primary with a synchronous streaming replica (`Deploy/README.md`): cdop writes to the primary, the primary
/// is lost mid-write, the replica is promoted and cdop pointed at it. Every append the primary acknowledged is
/// there, at the position it was acknowledged at, with no gap, and the log goes on from where it stood.
@Suite("PostgreSQL failover to a promoted replica")
struct PostgresFailoverTests {
    @Test("Every acknowledged event is on the promoted replica, at its position, and appends go on after it")
    func everyAcknowledgedEventSurvivesFailover() async throws {
        let primary = try ThrowawayPostgres(durable: true)
        defer { try? primary.stop() }
        let database = try primary.makeDatabase()
        let replica = try ThrowawayPostgres(replicaOf: primary)
        defer { try? replica.stop() }
        try primary.requireSynchronousStandby()

        let store = try await PostgresEventStore(url: database.url, connectWithin: .seconds(300))
        let acknowledged = Acknowledged()
        let writers = (0..<4).map { writer in
            Task {
                for number in 0... {
                    let event = EventLogContractTests.event("case.noted.v1", "writer \(writer) event \(number)")
                    let stream = "case-\(writer)-\(number % 5)"
                    guard
                        let result = try? await store.append(
                            [StreamAppend(streamID: stream, expected: .any, events: [event])], commandID: UUID(),
                            recordedAt: EventLogContractTests.now)
                    else { return }
                    acknowledged.positions.withLock { $0[event.eventID] = result[0].lastPosition }
                }
            }
        }
        while acknowledged.positions.withLock({ $0.count }) < 200 { try await Task.sleep(for: .milliseconds(20)) }
        try primary.crash()
        // An append under way when the primary went is neither acknowledged nor waited for: it may or may not be
        // on the replica, and either is right.
        for writer in writers { writer.cancel() }
        let written = acknowledged.positions.withLock { $0 }

        try replica.promote()
        let promoted = try await PostgresEventStore(url: replica.url(of: database.name), connectWithin: .seconds(300))
        let head = try await promoted.headPosition()
        let events = try await promoted.events(after: 0, limit: Int(head) + 10)
        #expect(events.map(\.position) == Array(1...head), "positions are gap-free after failover")
        let positions = Dictionary(uniqueKeysWithValues: events.map { ($0.eventID, $0.position) })
        let missing = written.filter { positions[$0.key] != $0.value }
        #expect(missing.isEmpty, "\(missing.count) of \(written.count) acknowledged events are missing or moved")
        #expect(head >= Int64(written.count))

        let after = try await promoted.append(
            [StreamAppend(streamID: "case-0-0", expected: .any, events: [EventLogContractTests.event()])],
            commandID: UUID(), recordedAt: EventLogContractTests.now)
        #expect(after[0].lastPosition == head + 1)
        await promoted.close()
        await store.close()
    }
}

/// The position each acknowledged event was given, as the writers hear back.
private final class Acknowledged: Sendable {
    let positions = Mutex<[UUID: Int64]>([:])
}

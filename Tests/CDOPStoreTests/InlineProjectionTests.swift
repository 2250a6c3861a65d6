import CDOPStore
import Foundation
import GRDB
import Testing

/// Counts events per stream in a table of its own, inside the append's transaction.
struct CountingProjection: InlineProjection {
    let name = "stream-counts"
    var failOnType: String? = nil
    struct Refused: Error {}

    static let migration = SchemaMigration("test.v1.stream_counts") { db in
        try db.execute("CREATE TABLE stream_counts (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    }

    func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
        let db = context.db
        for event in events {
            if event.type == failOnType { throw Refused() }
            try db.execute(
                "INSERT INTO stream_counts VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET n = stream_counts.n + 1",
                event.streamID)
        }
    }
}

@Suite("Inline projections run inside the append's transaction")
struct InlineProjectionTests {
    func fixture(failOnType: String? = nil) throws -> StoreFixture {
        var options = EventStoreOptions()
        options.migrations = [CountingProjection.migration]
        options.inlineProjections = [CountingProjection(failOnType: failOnType)]
        return try StoreFixture(options: options)
    }

    @Test("A projection sees each appended event once, with its checkpoint moved in the same transaction")
    func projectionAndCheckpointAdvanceTogether() throws {
        let fixture = try fixture()
        try fixture.store.append(to: "a", expected: .any, events: events(2), recordedAt: testMoment)
        let batch = events(1)
        try fixture.store.append(to: "b", expected: .any, events: batch, recordedAt: testMoment)
        try fixture.store.append(to: "b", expected: .any, events: batch, recordedAt: testMoment) // replay: no-op
        let (counts, checkpoint) = try fixture.store.read { db in
            (
                try Int.fetchAll(db, sql: "SELECT n FROM stream_counts ORDER BY stream_id"),
                try Checkpoints.position(of: "stream-counts", in: db)
            )
        }
        #expect(counts == [2, 1])
        #expect(checkpoint == 3)
    }

    @Test("A projection that throws rolls the append back: no event without its read model")
    func failingProjectionRollsBack() throws {
        let fixture = try fixture(failOnType: "bad.v1")
        #expect(throws: EventStoreError.self) {
            try fixture.store.append(
                to: "a", expected: .any, events: [event("ok.v1"), event("bad.v1")], recordedAt: testMoment)
        }
        #expect(try fixture.store.lastPosition() == 0)
        #expect(try fixture.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stream_counts") } == 0)
    }
}

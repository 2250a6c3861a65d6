import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import Logging
import PostgresNIO

/// `cdop-bench store --engine postgres`: the PostgreSQL event log against postgres-nio inserting the same rows
/// into the same table, one and 100 events a transaction, on a cluster of the benchmark's own with fsync on.
struct PostgresStoreBenchmark {
    var events: Int
    var streams: Int

    func run(progress: (String) -> Void) async throws -> [Figure] {
        progress("store (postgres): starting a cluster of the benchmark's own, fsync on")
        let cluster = try ThrowawayPostgres(durable: true)
        defer { try? cluster.stop() }
        let payload = BenchmarkPayload()
        var figures: [Figure] = []
        for perTransaction in [1, 100] {
            let count = perTransaction == 1 ? min(events, 20_000) : events
            progress("store (postgres): \(count) events, \(perTransaction) per transaction, raw postgres-nio")
            let rawRate = try await rawInserts(count, perTransaction, payload, into: try cluster.makeDatabase().url)
            progress("store (postgres): \(count) events, \(perTransaction) per transaction, the event log")
            let storeRate = try await appends(count, perTransaction, payload, into: try cluster.makeDatabase().url)
            figures.append(
                Figure(
                    name: "store.append.\(perTransaction).postgres", value: storeRate, unit: "events/s",
                    baseline: rawRate, better: .higher,
                    baselineLabel: "raw postgres-nio INSERT of the same rows, same run", target: "ratio >= 0.7"))
        }
        return figures
    }

    /// Events appended a second through `PostgresEventStore`.
    private func appends(_ count: Int, _ perTransaction: Int, _ payload: BenchmarkPayload, into url: String)
        async throws -> Double
    {
        let log = try await PostgresEventStore(url: url, connections: 2)
        defer { Task { await log.close() } }
        var versions = [Int64](repeating: 0, count: streams)
        let moment = Date(timeIntervalSince1970: 1_795_428_000)
        let started = ContinuousClock.now
        var written = 0
        var stream = 0
        while written < count {
            let batch = min(perTransaction, count - written)
            let events = (0..<batch).map { _ in
                NewEvent(eventID: UUID(), type: "case.formRequested.v1", data: payload.data, metadata: payload.metadata)
            }
            let result = try await log.append(
                [
                    StreamAppend(
                        streamID: BenchmarkPayload.streamID(stream), expected: .exact(versions[stream]), events: events)
                ],
                commandID: nil, recordedAt: moment)
            versions[stream] = result[0].streamVersion
            written += batch
            stream = (stream + 1) % streams
        }
        return Double(count) / (ContinuousClock.now - started).seconds
    }

    /// Events inserted a second by postgres-nio itself: the same table (made by the event log), the same rows,
    /// `BEGIN`, one multi-row `INSERT`, `COMMIT`; positions and versions counted by the client, nothing checked.
    private func rawInserts(_ count: Int, _ perTransaction: Int, _ payload: BenchmarkPayload, into url: String)
        async throws -> Double
    {
        let schema = try await PostgresEventStore(url: url, connections: 1)
        await schema.close()
        let address = try PostgresAddress(url)
        let client = PostgresClient(
            configuration: PostgresClient.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: .disable))
        let running = Task { await client.run() }
        defer { running.cancel() }
        let logger = Logger(label: "cdop-bench.postgres")
        let data = String(decoding: payload.data, as: UTF8.self)
        let metadata = String(decoding: payload.metadata, as: UTF8.self)
        let moment = UTCTimestamp.string(from: Date(timeIntervalSince1970: 1_795_428_000))
        var versions = [Int64](repeating: 0, count: streams)
        let started = ContinuousClock.now
        try await client.withConnection { connection in
            var written = 0
            var stream = 0
            while written < count {
                let batch = min(perTransaction, count - written)
                let positions = (0..<batch).map { Int64(written + $0 + 1) }
                let ids = (0..<batch).map { _ in UUID() }
                let streamIDs = Array(repeating: BenchmarkPayload.streamID(stream), count: batch)
                let streamVersions = (0..<batch).map { versions[stream] + Int64($0) + 1 }
                let types = Array(repeating: "case.formRequested.v1", count: batch)
                let schemaVersions = Array(repeating: Int32(1), count: batch)
                try await connection.query("BEGIN", logger: logger)
                try await connection.query(
                    """
                    INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version, data,
                        metadata, recorded_at)
                    SELECT * FROM UNNEST(\(positions)::bigint[], \(ids)::uuid[], \(streamIDs)::text[],
                        \(streamVersions)::bigint[], \(types)::text[], \(schemaVersions)::integer[],
                        \(Array(repeating: data, count: batch))::text[], \(Array(repeating: metadata, count: batch))::text[],
                        \(Array(repeating: moment, count: batch))::text[])
                    """, logger: logger)
                try await connection.query("COMMIT", logger: logger)
                versions[stream] += Int64(batch)
                written += batch
                stream = (stream + 1) % streams
            }
        }
        return Double(count) / (ContinuousClock.now - started).seconds
    }
}

import Foundation
import GRDBSQLite

/// The same rows written and read through SQLite's C API with nothing in between: the store's baseline.
final class RawSQLiteBaseline {
    private var db: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Opens a file whose schema the event store already created, with the same journal and sync settings.
    init(path: String) {
        precondition(sqlite3_open(path, &db) == SQLITE_OK)
        exec("PRAGMA journal_mode = WAL")
        exec("PRAGMA synchronous = NORMAL")
    }

    deinit { sqlite3_close_v2(db) }

    func exec(_ sql: String) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &error) == SQLITE_OK else {
            fatalError("baseline SQL failed: \(String(cString: error!))")
        }
    }

    /// Inserts `count` events over `streams` streams, `perTransaction` rows per transaction; returns each
    /// transaction's duration in nanoseconds.
    func insert(count: Int, streams: Int, perTransaction: Int, payload: BenchmarkPayload) -> [UInt64] {
        var statement: OpaquePointer?
        let sql = """
            INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        precondition(sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        var durations: [UInt64] = []
        var versions = [Int64](repeating: 0, count: streams)
        let streamIDs = (0..<streams).map(BenchmarkPayload.streamID)
        var written = 0
        var streamIndex = 0
        while written < count {
            let started = DispatchTime.now().uptimeNanoseconds
            exec("BEGIN IMMEDIATE")
            let batch = min(perTransaction, count - written)
            for _ in 0..<batch {
                versions[streamIndex] += 1
                bind(statement, 1, UUID().uuidString.lowercased())
                bind(statement, 2, streamIDs[streamIndex])
                sqlite3_bind_int64(statement, 3, versions[streamIndex])
                bind(statement, 4, "case.formRequested.v1")
                sqlite3_bind_int64(statement, 5, 1)
                bind(statement, 6, payload.data)
                bind(statement, 7, payload.metadata)
                bind(statement, 8, "2026-11-23T10:00:00.000Z")
                precondition(sqlite3_step(statement) == SQLITE_DONE)
                sqlite3_reset(statement)
                if perTransaction == 1 { streamIndex = (streamIndex + 1) % streams }
            }
            exec("COMMIT")
            durations.append(DispatchTime.now().uptimeNanoseconds - started)
            written += batch
            if perTransaction > 1 { streamIndex = (streamIndex + 1) % streams }
        }
        return durations
    }

    /// Reads every row in position order, touching each column as a reader would; returns the rows read.
    func readAll() -> Int {
        var statement: OpaquePointer?
        let sql = """
            SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at
            FROM events ORDER BY position
            """
        precondition(sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK)
        defer { sqlite3_finalize(statement) }
        var rows = 0
        var checksum = 0
        while sqlite3_step(statement) == SQLITE_ROW {
            checksum &+= Int(sqlite3_column_int64(statement, 0))
            for column in 1...8 {
                _ = sqlite3_column_text(statement, Int32(column))
                checksum &+= Int(sqlite3_column_bytes(statement, Int32(column)))
            }
            rows += 1
        }
        precondition(checksum != 0)
        return rows
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ text: String) {
        sqlite3_bind_text(statement, index, text, -1, Self.transient)
    }

    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            _ = sqlite3_bind_text(
                statement, index, raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), Self.transient
            )
        }
    }
}

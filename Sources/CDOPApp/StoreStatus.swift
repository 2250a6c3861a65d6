import CDOPStore
import Foundation
import GRDB

/// What an operator wants to know of a database at a glance: how much it holds and how far consumers are.
package struct StoreStatus: Sendable, Encodable, Equatable {
    package var databasePath: String
    package var events: Int64
    package var lastPosition: Int64
    package var streamsByKind: [String: Int]
    package var lastRecordedAt: String?
    package var migrations: [String]
    package var checkpoints: [String: Int64]
    /// Cases by stage (from the case read model; empty before it exists).
    package var casesByStage: [String: Int] = [:]
    package var timersPending = 0
    package var timersOverdue = 0

    /// Reads the status of `store` from one snapshot; `now` decides which timers are overdue.
    package static func read(_ store: any EventDatabase, now: Date = Date()) throws(EventStoreError) -> StoreStatus {
        try store.snapshot { db in
            let kinds = try db.rows(
                """
                SELECT substr(stream_id, 1, instr(stream_id || '-', '-') - 1) AS kind, COUNT(DISTINCT stream_id)
                FROM events GROUP BY kind ORDER BY kind
                """)
            var status = StoreStatus(
                databasePath: store.location,
                events: try db.value(Int64.self, "SELECT COUNT(*) FROM events") ?? 0,
                lastPosition: try EventRows.lastPosition(in: db),
                streamsByKind: Dictionary(uniqueKeysWithValues: kinds.map { ($0[0] as String, $0[1] as Int) }),
                lastRecordedAt: try db.value(
                    String.self, "SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1"),
                migrations: try db.values(
                    String.self,
                    db.engine == .sqlite
                        ? "SELECT name FROM schema_migrations ORDER BY applied_order"
                        : "SELECT name FROM cdop_migrations ORDER BY applied_at, name"),
                checkpoints: try Checkpoints.all(in: db))
            if try db.tableExists("case_summaries") {
                for row in try db.rows("SELECT stage, COUNT(*) FROM case_summaries GROUP BY stage") {
                    status.casesByStage[row[0]] = row[1]
                }
            }
            if try db.tableExists("timers") {
                status.timersPending =
                    try db.value(Int.self, "SELECT COUNT(*) FROM timers WHERE state = 'pending'") ?? 0
                status.timersOverdue =
                    try db.value(
                        Int.self, "SELECT COUNT(*) FROM timers WHERE state = 'pending' AND due_at <= ?",
                        UTCTimestamp.string(from: now)) ?? 0
            }
            return status
        }
    }
}

import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// A timer as lists and the scheduler read it.
package struct TimerRow: Sendable, Equatable, Codable {
    package var timerID: String
    package var caseID: String
    package var target: String
    package var scheduleID: String
    package var scheduleVersion: Int
    package var step: String
    package var action: String
    package var template: String?
    package var dueAt: Date?
    package var state: String

    init(row: Row) {
        timerID = row["timer_id"]
        caseID = row["case_id"]
        target = row["target"]
        scheduleID = row["schedule_id"]
        scheduleVersion = row["schedule_version"]
        step = row["step"]
        action = row["action"]
        template = row["template"]
        dueAt = (row["due_at"] as String?).flatMap(UTCTimestamp.parse)
        state = row["state"]
    }
}

/// Questions asked of the timers read model.
package enum TimerQueries {
    /// Pending timers due at or before `now` that are not waiting out a failed attempt, earliest first.
    /// Reads only the partial index of pending timers up to `now`.
    package static func due(at now: Date, limit: Int, in db: Database) throws -> [TimerRow] {
        let moment = UTCTimestamp.string(from: now)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT t.* FROM timers t INDEXED BY timers_pending_by_due
                WHERE t.state = 'pending' AND t.due_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM timer_attempts a WHERE a.timer_id = t.timer_id AND a.retry_at > ?)
                ORDER BY t.due_at LIMIT ?
                """,
            arguments: [moment, moment, limit]
        ).map(TimerRow.init)
    }

    /// Pending and paused timers, optionally of one case and only the overdue ones, earliest first.
    package static func pending(caseID: CaseID? = nil, overdueAt now: Date? = nil, in db: Database) throws -> [TimerRow] {
        var conditions = ["state IN ('pending', 'paused')"]
        var arguments: StatementArguments = []
        if let caseID {
            conditions.append("case_id = ?")
            arguments += [caseID.description]
        }
        if let now {
            conditions.append("state = 'pending' AND due_at <= ?")
            arguments += [UTCTimestamp.string(from: now)]
        }
        return try Row.fetchAll(
            db,
            sql: "SELECT * FROM timers WHERE \(conditions.joined(separator: " AND ")) ORDER BY due_at IS NULL, due_at, step",
            arguments: arguments
        ).map(TimerRow.init)
    }

    /// Every timer of a case, in due order.
    package static func all(caseID: CaseID, in db: Database) throws -> [TimerRow] {
        try Row.fetchAll(db, sql: "SELECT * FROM timers WHERE case_id = ? ORDER BY due_at", arguments: [caseID.description])
            .map(TimerRow.init)
    }
}

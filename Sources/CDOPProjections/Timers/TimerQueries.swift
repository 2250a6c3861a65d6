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

    /// The columns, in order, that `init(row:)` reads by position.
    static let columns =
        "timer_id, case_id, target, schedule_id, schedule_version, step, action, template, due_at, state"

    init(row: SQLRow) {
        timerID = row[0]
        caseID = row[1]
        target = row[2]
        scheduleID = row[3]
        scheduleVersion = row[4]
        step = row[5]
        action = row[6]
        template = row[7]
        dueAt = (row[8] as String?).flatMap(UTCTimestamp.parse)
        state = row[9]
    }

}

/// A due timer as the scheduler needs it to fire: which step of which schedule on which case.
package struct DueTimer: Sendable, Equatable {
    package var timerID: String
    package var caseID: String
    package var target: String
    package var scheduleID: String
    package var step: String
    package var dueAt: Date?

    static let columns = "timer_id, case_id, target, schedule_id, step, due_at"

    init(row: SQLRow) {
        timerID = row[0]
        caseID = row[1]
        target = row[2]
        scheduleID = row[3]
        step = row[4]
        dueAt = (row[5] as String?).flatMap(UTCTimestamp.parse)
    }
}

/// Questions asked of the timers read model.
package enum TimerQueries {
    /// Pending timers due at or before `now` that are not waiting out a failed attempt, earliest first.
    /// Reads only the partial index of pending timers up to `now`.
    package static func due(at now: Date, limit: Int, in db: any SQLDatabase) throws -> [DueTimer] {
        let moment = UTCTimestamp.string(from: now)
        // Timers waiting out a failed attempt are rare: look for them only when there are any.
        let waiting =
            try db.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM timer_attempts WHERE retry_at > ?)", moment)
            ?? false
        let exclusion =
            waiting
            ? "AND NOT EXISTS (SELECT 1 FROM timer_attempts a WHERE a.timer_id = timers.timer_id AND a.retry_at > ?)"
            : ""
        let arguments: SQLArguments = waiting ? [moment, moment, limit] : [moment, limit]
        return try db.rows(
            """
            SELECT \(DueTimer.columns) FROM timers INDEXED BY timers_pending_by_due
            WHERE state = 'pending' AND due_at <= ? \(exclusion)
            ORDER BY due_at, timer_id LIMIT ?
            """, arguments: arguments
        ).map(DueTimer.init(row:))
    }

    /// Pending and paused timers, optionally of one case and only the overdue ones, earliest first.
    package static func pending(caseID: CaseID? = nil, overdueAt now: Date? = nil, in db: any SQLDatabase) throws
        -> [TimerRow]
    {
        var conditions = ["state IN ('pending', 'paused')"]
        var arguments: SQLArguments = []
        if let caseID {
            conditions.append("case_id = ?")
            arguments += [caseID.description]
        }
        if let now {
            conditions.append("state = 'pending' AND due_at <= ?")
            arguments += [UTCTimestamp.string(from: now)]
        }
        return try db.rows(
            "SELECT \(TimerRow.columns) FROM timers WHERE \(conditions.joined(separator: " AND ")) ORDER BY due_at IS NULL, due_at, step",
            arguments: arguments
        ).map(TimerRow.init(row:))
    }

    /// Every timer of a case, in due order.
    package static func all(caseID: CaseID, in db: any SQLDatabase) throws -> [TimerRow] {
        try db.rows("SELECT \(TimerRow.columns) FROM timers WHERE case_id = ? ORDER BY due_at", caseID.description)
            .map(TimerRow.init(row:))
    }
}

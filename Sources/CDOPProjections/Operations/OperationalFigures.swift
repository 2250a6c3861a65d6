import CDOPStore
import Foundation
import GRDB

/// The counts an operator watches (GET /metrics, GET /healthz): no names, no dates of birth, only numbers.
package struct OperationalFigures: Sendable, Equatable {
    /// Events in the store (the last position: positions are gap-free).
    package var eventsStored: Int64
    /// Pending timers whose moment has come, and those among them past it by more than `overdueAfter`
    /// (the scheduler should have fired them: a rising figure means it is stuck or failing).
    package var timersDue: Int
    package var timersOverdue: Int
    /// Emails waiting to be sent, and dead letters (given up: the coordinator must act).
    package var outboxPending: Int
    package var outboxDeadLetters: Int
    /// Emails claimed by a dispatcher right now.
    package var outboxClaimed: Int

    /// Reads the figures at `now` in one read transaction.
    package static func read(at now: Date, overdueAfter: TimeInterval = 300, in db: any SQLDatabase) throws
        -> OperationalFigures
    {
        let moment = UTCTimestamp.string(from: now)
        let late = UTCTimestamp.string(from: now.addingTimeInterval(-overdueAfter))
        func count(_ sql: String, _ arguments: SQLArguments = []) throws -> Int {
            try db.value(Int.self, sql, arguments: arguments) ?? 0
        }
        return OperationalFigures(
            eventsStored: try db.value(Int64.self, "SELECT COALESCE(MAX(position), 0) FROM events") ?? 0,
            timersDue: try count("SELECT COUNT(*) FROM timers WHERE state = 'pending' AND due_at <= ?", [moment]),
            timersOverdue: try count("SELECT COUNT(*) FROM timers WHERE state = 'pending' AND due_at <= ?", [late]),
            outboxPending: try count("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"),
            outboxDeadLetters: try count("SELECT COUNT(*) FROM outbox WHERE state = 'failed'"),
            outboxClaimed: try OutboxQueries.claimedCount(now: now, in: db))
    }
}

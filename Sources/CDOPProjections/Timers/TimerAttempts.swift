import CDOPStore
import Foundation
import GRDB

/// The scheduler's own record of timers whose firing failed, so a broken timer is retried with backoff instead
/// of on every tick. Operational state, not a projection: a rebuild leaves it alone.
package enum TimerAttempts {
    package static let migration = SchemaMigration("scheduler.v1.timer_attempts") { db in
        try db.execute(
            """
            CREATE TABLE timer_attempts (
                timer_id   TEXT PRIMARY KEY,
                attempts   INTEGER NOT NULL,
                last_error TEXT NOT NULL,
                retry_at   TEXT NOT NULL
            ) WITHOUT ROWID
            """)
    }

    /// Records a failed attempt (the error's code only: never personal data) and when to try again.
    package static func recordFailure(timerID: String, errorCode: String, now: Date, in db: any SQLDatabase) throws
        -> Int
    {
        let attempts =
            (try db.value(Int.self, "SELECT attempts FROM timer_attempts WHERE timer_id = ?", timerID)
                ?? 0) + 1
        let backoffMinutes = min(pow(2, Double(attempts - 1)) * 5, 24 * 60)
        try db.execute(
            """
            INSERT INTO timer_attempts (timer_id, attempts, last_error, retry_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (timer_id) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error,
                retry_at = excluded.retry_at
            """, timerID, attempts, errorCode, UTCTimestamp.string(from: now.addingTimeInterval(backoffMinutes * 60)))
        return attempts
    }

    /// Whether any timer's failure is on record.
    package static func anyRecorded(in db: any SQLDatabase) throws -> Bool {
        try db.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM timer_attempts)") ?? false
    }

    /// Forgets a timer's failures once it fires.
    package static func clear(timerID: String, in db: any SQLDatabase) throws {
        try db.execute("DELETE FROM timer_attempts WHERE timer_id = ?", timerID)
    }
}

import CDOPStore
import Foundation
import GRDB

/// An outbox row as the dispatcher and `cdop mail` read it.
package struct OutboxRow: Sendable, Equatable, Codable {
    package var outboxID: String
    package var streamID: String
    /// The case the email is about; nil for a meeting's email.
    package var caseID: String?
    package var template: String
    package var recipientRole: String
    package var recipientAddress: String?
    package var agencyName: String?
    package var requestID: String?
    package var reminderNumber: Int?
    package var createdAt: Date
    package var state: String
    package var attempts: Int
    package var lastError: String?

    static let columns = """
        o.outbox_id, o.stream_id, o.case_id, o.template, o.recipient_role, o.recipient_address, o.agency_name, o.request_id,
        o.reminder_number, o.created_at, o.state, COALESCE(a.attempts, 0), a.last_error
        """

    init(row: SQLRow) {
        outboxID = row[0]
        streamID = row[1]
        caseID = row[2]
        template = row[3]
        recipientRole = row[4]
        recipientAddress = row[5]
        agencyName = row[6]
        requestID = row[7]
        reminderNumber = row[8]
        createdAt = UTCTimestamp.parse(row[9] as String) ?? Date(timeIntervalSince1970: 0)
        state = row[10]
        attempts = row[11]
        lastError = row[12]
    }
}

/// Questions asked of the outbox, and the dispatcher's claims.
package enum OutboxQueries {
    /// Claims up to `limit` pending emails due for an attempt at `now` and not claimed by another dispatcher,
    /// for `lease`, in a claiming transaction (`EventDatabase.claiming`): two dispatchers never claim the same email.
    package static func claim(limit: Int, now: Date, lease: TimeInterval, in db: any SQLDatabase) throws -> [OutboxRow]
    {
        let moment = UTCTimestamp.string(from: now)
        let rows = try OutboxRow.opened(
            db.rows(
                """
                SELECT \(OutboxRow.columns) FROM outbox o LEFT JOIN outbox_attempts a ON a.outbox_id = o.outbox_id
                WHERE o.state = 'pending'
                  AND (a.next_attempt_at IS NULL OR a.next_attempt_at <= ?)
                  AND (a.claimed_until IS NULL OR a.claimed_until <= ?)
                ORDER BY o.created_at, o.outbox_id LIMIT ?\(LeaseClaims.skipLocked("o", in: db))
                """, moment, moment, limit), in: db)
        let claimed = try LeaseClaims.claim(
            rows.map(\.outboxID), now: now, until: now.addingTimeInterval(lease), table: "outbox_attempts",
            keyColumn: "outbox_id", in: db)
        return rows.filter { claimed.contains($0.outboxID) }
    }

    /// Records a failed attempt to be retried at `retryAt`, releasing the claim.
    package static func recordRetry(
        _ outboxID: String, attempts: Int, retryAt: Date, error: String, in db: any SQLDatabase
    )
        throws
    {
        try db.execute(
            """
            INSERT INTO outbox_attempts (outbox_id, attempts, next_attempt_at, claimed_until, last_error)
            VALUES (?, ?, ?, NULL, ?)
            ON CONFLICT (outbox_id) DO UPDATE SET attempts = excluded.attempts,
                next_attempt_at = excluded.next_attempt_at, claimed_until = NULL, last_error = excluded.last_error
            """, outboxID, attempts, UTCTimestamp.string(from: retryAt), error)
    }

    /// Gives back claims on emails this dispatcher will not send after all (it is stopping), so the next
    /// dispatcher takes them at once instead of waiting for the lease to run out. Attempts are not counted.
    package static func release(_ outboxIDs: [String], in db: any SQLDatabase) throws {
        for outboxID in outboxIDs {
            try db.execute("UPDATE outbox_attempts SET claimed_until = NULL WHERE outbox_id = ?", outboxID)
        }
    }

    /// How many emails are claimed by a dispatcher at `now` and not yet sent or given back.
    package static func claimedCount(now: Date, in db: any SQLDatabase) throws -> Int {
        try db.value(
            Int.self,
            """
            SELECT COUNT(*) FROM outbox o JOIN outbox_attempts a ON a.outbox_id = o.outbox_id
            WHERE o.state = 'pending' AND a.claimed_until > ?
            """, UTCTimestamp.string(from: now)) ?? 0
    }

    /// How many emails are in a state.
    package static func count(state: String, in db: any SQLDatabase) throws -> Int {
        try db.value(Int.self, "SELECT COUNT(*) FROM outbox WHERE state = ?", state)
            ?? 0
    }

    /// Emails in a state, newest first.
    package static func list(state: String, in db: any SQLDatabase) throws -> [OutboxRow] {
        try OutboxRow.opened(
            db.rows(
                """
                SELECT \(OutboxRow.columns) FROM outbox o LEFT JOIN outbox_attempts a ON a.outbox_id = o.outbox_id
                WHERE o.state = ? ORDER BY o.created_at DESC
                """, state), in: db)
    }

    /// One email.
    package static func row(_ outboxID: String, in db: any SQLDatabase) throws -> OutboxRow? {
        try db.row(
            "SELECT \(OutboxRow.columns) FROM outbox o LEFT JOIN outbox_attempts a ON a.outbox_id = o.outbox_id WHERE o.outbox_id = ?",
            outboxID
        ).map { try OutboxRow.opened([$0], in: db)[0] }
    }
}

extension OutboxRow {
    /// The rows read, their sealed addresses and names opened.
    static func opened(_ rows: [SQLRow], in db: any SQLDatabase) throws -> [OutboxRow] {
        try db.opening(["recipient_address", "agency_name"], of: rows).map(OutboxRow.init(row:))
    }
}

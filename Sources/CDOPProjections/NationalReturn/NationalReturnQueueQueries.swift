import CDOPStore
import Foundation
import GRDB

/// A queued case document of a national return, as the sender and `cdop ncmd` read it.
package struct NationalReturnQueueRow: Sendable, Equatable, Codable {
    package var deliveryKey: String
    package var caseID: String
    package var year: Int
    package var nationalCaseKey: String
    /// "pending", "sent" or "failed".
    package var state: String
    package var attempts: Int
    package var nextAttemptAt: Date
    package var queuedAt: Date
    package var lastError: String?

    static let columns = """
        delivery_key, case_id, year, national_case_key, state, attempts, next_attempt_at, queued_at, last_error
        """

    init(row: SQLRow) {
        deliveryKey = row[0]
        caseID = row[1]
        year = row[2]
        nationalCaseKey = row[3]
        state = row[4]
        attempts = row[5]
        nextAttemptAt = UTCTimestamp.parse(row[6] as String) ?? Date(timeIntervalSince1970: 0)
        queuedAt = UTCTimestamp.parse(row[7] as String) ?? Date(timeIntervalSince1970: 0)
        lastError = row[8]
    }
}

/// Where a queued delivery stands, as the queue's `state` column holds it.
package enum NationalReturnQueueState: String, CaseIterable, Sendable {
    case pending, sent, failed
}

/// Questions asked of the national-return queue, and the sender's claims.
package enum NationalReturnQueueQueries {
    /// Claims up to `limit` pending deliveries due at `now` and not claimed by another sender, for `lease`; run
    /// inside a write transaction, so two senders never claim the same delivery.
    package static func claim(limit: Int, now: Date, lease: TimeInterval, in db: any SQLDatabase) throws
        -> [NationalReturnQueueRow]
    {
        let moment = UTCTimestamp.string(from: now)
        let rows = try db.rows(
            """
            SELECT \(NationalReturnQueueRow.columns) FROM ncmd_deliveries d
            WHERE d.state = 'pending' AND d.next_attempt_at <= ?
              AND NOT EXISTS (SELECT 1 FROM ncmd_delivery_claims c
                              WHERE c.delivery_key = d.delivery_key AND c.claimed_until > ?)
            ORDER BY d.next_attempt_at, d.delivery_key LIMIT ?\(LeaseClaims.skipLocked("d", in: db))
            """, moment, moment, limit
        ).map(NationalReturnQueueRow.init(row:))
        let claimed = try LeaseClaims.claim(
            rows.map(\.deliveryKey), now: now, until: now.addingTimeInterval(lease), table: "ncmd_delivery_claims",
            keyColumn: "delivery_key", in: db)
        return rows.filter { claimed.contains($0.deliveryKey) }
    }

    /// Gives back claims: the delivery's outcome is recorded (or it was not attempted after all).
    package static func release(_ deliveryKeys: [String], in db: any SQLDatabase) throws {
        for key in deliveryKeys {
            try db.execute("DELETE FROM ncmd_delivery_claims WHERE delivery_key = ?", key)
        }
    }

    /// Deliveries in a state ("pending", "sent", "failed"), or all of them, oldest first.
    package static func list(state: NationalReturnQueueState? = nil, in db: any SQLDatabase) throws
        -> [NationalReturnQueueRow]
    {
        try db.rows(
            """
            SELECT \(NationalReturnQueueRow.columns) FROM ncmd_deliveries
            WHERE ? IS NULL OR state = ? ORDER BY queued_at, delivery_key
            """, state?.rawValue, state?.rawValue
        ).map(NationalReturnQueueRow.init(row:))
    }
}

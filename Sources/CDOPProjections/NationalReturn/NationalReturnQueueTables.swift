import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// The queue of case documents of national returns the HTTPS adapter posts to NCMD: one row per delivery,
/// projected from the case's events (queued, retry scheduled, sent, failed). A rebuild writes the same rows and
/// sends nothing; the document itself stays in the case's events, where the sender reads it.
package enum NationalReturnQueueTables {
    package static let migration = SchemaMigration("projections.v1.ncmd_deliveries") { db in
        try db.execute(
            """
            CREATE TABLE ncmd_deliveries (
                delivery_key      TEXT PRIMARY KEY,
                case_id           TEXT NOT NULL,
                year              INTEGER NOT NULL,
                national_case_key TEXT NOT NULL,
                state             TEXT NOT NULL,
                attempts          INTEGER NOT NULL,
                next_attempt_at   TEXT NOT NULL,
                queued_at         TEXT NOT NULL,
                last_error        TEXT
            );
            CREATE INDEX ncmd_deliveries_pending ON ncmd_deliveries (next_attempt_at) WHERE state = 'pending';
            """)
    }

    /// The sender's claims (a lease each): operational state, not a projection.
    package static let claimsMigration = SchemaMigration("dispatcher.v1.ncmd_delivery_claims") { db in
        try db.execute(
            """
            CREATE TABLE ncmd_delivery_claims (
                delivery_key  TEXT PRIMARY KEY,
                claimed_until TEXT NOT NULL
            ) WITHOUT ROWID
            """)
    }

    /// Brings the queue's rows of one case in line with its deliveries, writing only what changed.
    package static func write(_ state: CaseState, in db: any SQLDatabase) throws {
        guard let caseID = state.caseID, !state.nationalReturnDeliveries.isEmpty else { return }
        let upsert = """
            INSERT INTO ncmd_deliveries (delivery_key, case_id, year, national_case_key, state, attempts,
                next_attempt_at, queued_at, last_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (delivery_key) DO UPDATE SET state = excluded.state, attempts = excluded.attempts,
                next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error
            WHERE ncmd_deliveries.state IS DISTINCT FROM excluded.state OR ncmd_deliveries.attempts IS DISTINCT FROM excluded.attempts
                OR ncmd_deliveries.next_attempt_at IS DISTINCT FROM excluded.next_attempt_at OR ncmd_deliveries.last_error IS DISTINCT FROM excluded.last_error
            """
        for delivery in state.nationalReturnDeliveries {
            try db.execute(
                upsert,
                delivery.key, caseID.description, delivery.year, delivery.nationalCaseKey, delivery.stateName,
                delivery.attempts, UTCTimestamp.string(from: delivery.retryAt ?? delivery.queuedAt),
                UTCTimestamp.string(from: delivery.queuedAt), delivery.lastError)
        }
    }
}

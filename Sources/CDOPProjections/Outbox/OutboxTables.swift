import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// The transactional outbox: every email a case calls for, written in the same transaction as the event that
/// calls for it, with its state (pending, sent, failed, cancelled) derived from the case's events. A rebuild
/// writes the same rows and sends nothing: sending is the dispatcher's, and only for pending rows.
package enum OutboxTables {
    package static let migration = SchemaMigration("projections.v1.outbox") { db in
        try db.execute(
            sql: """
                CREATE TABLE outbox (
                    outbox_id         TEXT PRIMARY KEY,
                    case_id           TEXT NOT NULL,
                    template          TEXT NOT NULL,
                    recipient_role    TEXT NOT NULL,
                    recipient_address TEXT,
                    agency_name       TEXT,
                    request_id        TEXT,
                    reminder_number   INTEGER,
                    created_at        TEXT NOT NULL,
                    state             TEXT NOT NULL
                );
                CREATE INDEX outbox_pending ON outbox (created_at) WHERE state = 'pending';
                CREATE INDEX outbox_by_case ON outbox (case_id);
                """)
    }

    /// The dispatcher's own record of attempts and claims: operational state, not a projection.
    package static let attemptsMigration = SchemaMigration("dispatcher.v1.outbox_attempts") { db in
        try db.execute(
            sql: """
                CREATE TABLE outbox_attempts (
                    outbox_id       TEXT PRIMARY KEY,
                    attempts        INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at TEXT,
                    claimed_until   TEXT,
                    last_error      TEXT
                ) WITHOUT ROWID
                """)
    }

    /// Brings the outbox rows of one case in line with `state`, writing only what changed.
    package static func write(_ state: CaseState, in db: Database) throws {
        guard let caseID = state.caseID else { return }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (outbox_id, case_id, template, recipient_role, recipient_address, agency_name,
                    request_id, reminder_number, created_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (outbox_id) DO UPDATE SET recipient_address = excluded.recipient_address,
                    state = excluded.state
                WHERE recipient_address IS NOT excluded.recipient_address OR state IS NOT excluded.state
                """)
        for email in state.outboxEmails {
            var address: String?
            var agency: String?
            if case .agencyContact(let email, let agencyName) = email.recipient {
                address = email
                agency = agencyName
            }
            try upsert.execute(arguments: [
                email.id, caseID.description, email.template, email.recipient.roleName, address, agency,
                email.requestID?.description, email.reminderNumber, UTCTimestamp.string(from: email.createdAt),
                email.state.rawValue,
            ])
        }
    }
}

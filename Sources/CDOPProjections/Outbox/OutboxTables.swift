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
            """
            CREATE TABLE outbox (
                outbox_id         TEXT PRIMARY KEY,
                stream_id         TEXT NOT NULL,
                case_id           TEXT,
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
            CREATE INDEX outbox_by_stream ON outbox (stream_id);
            """)
    }

    /// The dispatcher's own record of attempts and claims: operational state, not a projection.
    package static let attemptsMigration = SchemaMigration("dispatcher.v1.outbox_attempts") { db in
        try db.execute(
            """
            CREATE TABLE outbox_attempts (
                outbox_id       TEXT PRIMARY KEY,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                claimed_until   TEXT,
                last_error      TEXT
            ) WITHOUT ROWID
            """)
    }

    /// Brings the outbox rows of one stream (a case, a meeting or a staff account) in line with its emails, writing only what
    /// changed (a form contact's address sealed, `sealedUnder`). Outbox ids are unique within a stream; the row key joins both.
    package static func write(_ emails: [OutboxEmail], streamID: String, caseID: String?, in db: any SQLDatabase) throws
    {
        let upsert = """
            INSERT INTO outbox (outbox_id, stream_id, case_id, template, recipient_role, recipient_address,
                agency_name, request_id, reminder_number, created_at, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (outbox_id) DO UPDATE SET recipient_address = excluded.recipient_address,
                state = excluded.state, created_at = excluded.created_at
            WHERE outbox.recipient_address IS DISTINCT FROM excluded.recipient_address OR outbox.state IS DISTINCT FROM excluded.state
                OR outbox.created_at IS DISTINCT FROM excluded.created_at
            """
        for email in emails {
            var address: String?
            var name: String?
            switch email.recipient {
            case .agencyContact(let email, let agencyName): (address, name) = (email, agencyName)
            case .invitee(let email, let inviteeName): (address, name) = (email, inviteeName)
            case .accountOwner(let email, let ownerName): (address, name) = (email, ownerName)
            case .role: break
            }
            if let subject = sealedUnder(email, streamID: streamID) {
                address = try address.map { try db.sealColumn($0, subject: subject) }
                if streamID.hasPrefix("meeting-") { name = try name.map { try db.sealColumn($0, subject: subject) } }
            }
            try db.execute(
                upsert, rowID(email.id, streamID: streamID), streamID, caseID, email.template,
                email.recipient.roleName, address, name, email.requestID?.description, email.reminderNumber,
                UTCTimestamp.string(from: email.createdAt), email.state.rawValue)
        }
    }

    /// Whose key an email's address is sealed under, as the events seal it: a form request's contact
    /// (`contact-REQUEST`), a meeting's invitee (`invitees`, their name too). A staff account's address is kept as its events
    /// keep it.
    static func sealedUnder(_ email: OutboxEmail, streamID: String) -> String? {
        switch email.recipient {
        case .agencyContact where streamID.hasPrefix("case-"):
            email.requestID.map { "\(streamID)/contact-\($0)" }
        case .invitee where streamID.hasPrefix("meeting-"): "\(streamID)/invitees"
        default: nil
        }
    }

    /// The outbox row's id: the stream's own email id for a case (as its events name it), prefixed by the
    /// stream for a meeting or a staff account.
    package static func rowID(_ emailID: String, streamID: String) -> String {
        streamID.hasPrefix("case-") ? emailID : streamID + "|" + emailID
    }

    /// The stream's own email id of an outbox row.
    package static func emailID(_ rowID: String) -> String {
        rowID.split(separator: "|", maxSplits: 1).last.map(String.init) ?? rowID
    }
}

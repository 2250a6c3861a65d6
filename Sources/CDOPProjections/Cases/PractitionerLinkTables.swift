import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// Which case and request a practitioner's link belongs to, by its token's hash: the web page finds the case
/// from the link a practitioner opens without reading every case. Rows are only ever added: whether a link
/// may be used is decided on the case's state (`CaseState.linkUse`), never from this table.
package enum PractitionerLinkTables {
    package static let migration = SchemaMigration("projections.v2.practitioner_links") { db in
        try db.execute(
            """
            CREATE TABLE practitioner_links (
                token_hash TEXT PRIMARY KEY,
                case_id    TEXT NOT NULL,
                request_id TEXT NOT NULL,
                expires_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// Adds the case's links not yet in the table; a row already there is left alone.
    static func write(_ state: CaseState, _ caseID: String, in db: any SQLDatabase) throws {
        guard !state.links.isEmpty else { return }
        let insert = """
            INSERT INTO practitioner_links (token_hash, case_id, request_id, expires_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (token_hash) DO NOTHING
            """
        for link in state.links {
            try db.execute(
                insert,
                link.tokenHash, caseID, link.requestID.description, UTCTimestamp.string(from: link.expiresAt))
        }
    }
}

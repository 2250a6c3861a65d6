import CDOPDomain
import CDOPStore
import GRDB

/// The agency directory: one row per agency, with its contacts as JSON.
package enum AgencyTables {
    package static let migration = SchemaMigration("projections.v1.agencies") { db in
        try db.execute(
            """
            CREATE TABLE agencies (
                agency_id      TEXT PRIMARY KEY,
                name           TEXT NOT NULL,
                kind           TEXT NOT NULL,
                lead_email     TEXT,
                contacts       TEXT NOT NULL,
                retired        INTEGER NOT NULL,
                stream_version INTEGER NOT NULL
            );
            CREATE INDEX agencies_by_name ON agencies (name COLLATE NOCASE);
            """)
    }

    package static func write(_ state: AgencyState, version: Int64, in db: any SQLDatabase) throws {
        guard let id = state.agencyID else { return }
        let contacts = String(decoding: try CanonicalJSON.encode(state.contacts), as: UTF8.self)
        try db.execute(
            """
                INSERT INTO agencies (agency_id, name, kind, lead_email, contacts, retired, stream_version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (agency_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    lead_email = excluded.lead_email, contacts = excluded.contacts, retired = excluded.retired,
                    stream_version = excluded.stream_version
            """, id.description, state.name, state.kind.rawValue, state.leadContacts.first?.email, contacts,
            state.retiredAt != nil, version)
    }

    package static let projection = FoldingProjection<AgencyDecider>(name: "agencies", streamPrefix: "agency") {
        state, _, version, _, db in try write(state, version: version, in: db)
    }
}

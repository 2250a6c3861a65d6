import GRDB

/// One agency of the directory as lists show it.
package struct AgencyListing: Sendable, Equatable {
    package var agencyID: String
    package var name: String
    package var kind: String
    package var leadEmail: String?
    package var retired: Bool
}

/// The agency directory's queries.
package enum AgencyDirectory {
    /// Every agency, current ones first, by name.
    package static func all(in db: Database) throws -> [AgencyListing] {
        try Row.fetchAll(
            db, sql: "SELECT agency_id, name, kind, lead_email, retired FROM agencies ORDER BY retired, name COLLATE NOCASE"
        ).map { AgencyListing(agencyID: $0[0], name: $0[1], kind: $0[2], leadEmail: $0[3], retired: $0[4]) }
    }

    /// The agencies that can be asked for forms.
    package static func active(in db: Database) throws -> [AgencyListing] {
        try all(in: db).filter { !$0.retired }
    }
}

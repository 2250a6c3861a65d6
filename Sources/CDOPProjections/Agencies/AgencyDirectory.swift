import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// One agency of the directory, as the pages list it and as the command line's `--json` and the JSON API give it.
package struct AgencyView: Encodable, Sendable, Equatable {
    package var agencyID: String
    package var name: String
    package var kind: String
    package var leadEmail: String?
    package var contacts: [AgencyContact]
    package var retired: Bool

    enum CodingKeys: String, CodingKey {
        case agencyID = "agencyId"
        case name, kind, leadEmail, contacts, retired
    }
}

extension AgencyView {
    /// The agency as its own record has it (for one agency, without the read model).
    package init(_ agencyID: AgencyID, _ state: AgencyState) {
        self.init(
            agencyID: agencyID.description, name: state.name, kind: state.kind.rawValue,
            leadEmail: state.leadContacts.first?.email, contacts: state.contacts, retired: state.retiredAt != nil)
    }

    init(_ row: SQLRow) {
        let contactsJSON: String = row["contacts"]
        self.init(
            agencyID: row["agency_id"], name: row["name"], kind: row["kind"], leadEmail: row["lead_email"],
            contacts: (try? CanonicalJSON.decode([AgencyContact].self, from: Data(contactsJSON.utf8))) ?? [],
            retired: row["retired"])
    }
}

/// The agency directory's queries.
package enum AgencyDirectory {
    /// Every agency, current ones first, by name.
    package static func all(in db: any SQLDatabase) throws -> [AgencyView] {
        try db.rows("SELECT * FROM agencies ORDER BY retired, name COLLATE NOCASE, agency_id").map(
            AgencyView.init)
    }

    /// The agencies that can be asked for forms, by name.
    package static func active(in db: any SQLDatabase) throws -> [AgencyView] {
        try all(in: db).filter { !$0.retired }
    }

    /// The ids of the agencies called `name` (without case), current ones first; at most 2, enough to tell one
    /// from many.
    package static func ids(named name: String, in db: any SQLDatabase) throws -> [String] {
        try db.values(
            String.self, "SELECT agency_id FROM agencies WHERE name = ? COLLATE NOCASE ORDER BY retired LIMIT 2", name)
    }

    /// The ids of the agencies whose id starts with `prefix` (at most 2).
    package static func ids(withPrefix prefix: String, in db: any SQLDatabase) throws -> [String] {
        try IDPrefix.matches(prefix, table: "agencies", column: "agency_id", in: db)
    }
}

import CDOPDomain
import Foundation
import GRDB

/// Questions asked of the practitioner links' read model.
package enum LinkQueries {
    /// The case a link belongs to, from its token's hash; nil when no such link was issued.
    package static func caseID(forTokenHash tokenHash: String, in db: Database) throws -> CaseID? {
        let id = try String.fetchOne(
            db.cachedStatement(sql: "SELECT case_id FROM practitioner_links WHERE token_hash = ?"),
            arguments: [tokenHash])
        return id.flatMap(CaseID.init)
    }
}

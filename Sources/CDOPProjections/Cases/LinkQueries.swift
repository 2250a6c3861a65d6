import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// Questions asked of the practitioner links' read model.
package enum LinkQueries {
    /// The case a link belongs to, from its token's hash; nil when no such link was issued.
    package static func caseID(forTokenHash tokenHash: String, in db: any SQLDatabase) throws -> CaseID? {
        let id = try db.value(String.self, "SELECT case_id FROM practitioner_links WHERE token_hash = ?", tokenHash)
        return id.flatMap(CaseID.init)
    }
}

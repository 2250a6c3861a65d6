import Foundation

/// Erasure of the people a case names was asked for (by a person, or by the retention schedule): nothing is
/// erased until two different people have approved it.
package struct ErasureRequested: EventPayload {
    package static let typeName = "case.erasureRequested.v1"
    /// The roles to erase; empty for everyone the case names.
    package var roles: [String]
    /// Why: the retention policy or the request it follows (never the person's details).
    package var reason: String
    /// Who asked, as they signed in; the retention schedule asks as "retention schedule" and approves nothing.
    package var requestedBy: String
    /// Whether the one who asked is a person, whose asking counts as the first approval.
    package var requestedByPerson: Bool
    package var at: Date

    package var summary: String {
        "Erasure asked for: \(ErasureRequested.describe(roles)) (\(reason)), by \(requestedBy)"
    }

    /// The people to erase in words.
    package static func describe(_ roles: [String]) -> String {
        roles.isEmpty ? "everyone the case names" : roles.map(SubjectErased.describe).joined(separator: ", ")
    }
}

/// One person approved the erasure asked for; with the second different person's approval it is carried out.
package struct ErasureApproved: EventPayload {
    package static let typeName = "case.erasureApproved.v1"
    package var approvedBy: String
    /// How many different people have now approved (2: it is to be carried out).
    package var approvals: Int
    package var at: Date

    package var summary: String { "Erasure approved by \(approvedBy) (\(approvals) of 2 approvals)" }
}

/// The erasure asked for will not be carried out (for example, the records must be kept for proceedings).
package struct ErasureDeclined: EventPayload {
    package static let typeName = "case.erasureDeclined.v1"
    package var declinedBy: String
    package var reason: String
    package var at: Date

    package var summary: String { "Erasure declined by \(declinedBy): \(reason)" }
}

/// Every key the approved erasure named was deleted: the request is done.
package struct ErasureCarriedOut: EventPayload {
    package static let typeName = "case.erasureCarriedOut.v1"
    /// The roles erased.
    package var roles: [String]
    package var at: Date

    package var summary: String { "Erasure carried out: \(ErasureRequested.describe(roles))" }
}

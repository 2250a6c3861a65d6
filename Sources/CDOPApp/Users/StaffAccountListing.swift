import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// A staff account as the CLI's `--json` and the JSON API show it: never a password, hash or secret.
package struct StaffAccountListing: Encodable, Sendable {
    package var userId: String
    package var username: String
    package var displayName: String
    package var email: String
    package var roles: [String]
    package var areas: [String]
    package var disabled: Bool
    package var secondFactor: Bool
    package var createdAt: String

    package init(_ user: UserSummary) {
        userId = user.userID.description
        username = user.username
        displayName = user.displayName
        email = user.email
        roles = user.roles.map(\.rawValue).sorted()
        areas = user.areas.sorted()
        disabled = user.disabled
        secondFactor = user.secondFactorEnrolled
        createdAt = Timestamp.format(user.createdAt)
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// A signed-in member of staff, as the session middleware found them.
package struct StaffIdentity: Sendable {
    package var user: AuthenticatedUser
    /// The token that must accompany every form post and unsafe API call of this session.
    package var csrfToken: String
    /// The session cookie's token (to end the session on sign-out).
    package var sessionToken: String

    package init(user: AuthenticatedUser, csrfToken: String, sessionToken: String) {
        self.user = user
        self.csrfToken = csrfToken
        self.sessionToken = sessionToken
    }

    /// Whether the user holds `role`.
    package func has(_ role: StaffRole) -> Bool { user.roles.contains(role) }

    /// Whether the user sees every kind of meeting and its invitees (coordinators and designated doctors; panel
    /// members see panel meetings only, and no one's contact details).
    package var seesIdentifiableMeetings: Bool { has(.coordinator) || has(.designatedDoctor) }
}

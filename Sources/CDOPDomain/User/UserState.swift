import Foundation

/// A staff account, folded from its events. The access log (case views, refusals) does not change it.
package struct UserState: Hashable, Sendable {
    package var userID: UserID?
    package var username = ""
    package var displayName = ""
    package var email = ""
    package var roles: Set<StaffRole> = []
    /// Area codes the user is limited to; empty: all the panel's areas.
    package var areas: Set<String> = []
    package var createdAt: Date?
    package var disabledAt: Date?
    package var disabledReason: String?
    package var secondFactorEnrolled = false
    package var passwordChangedAt: Date?
    package var lastSignInAt: Date?

    package init() {}

    /// Whether the account was created.
    package var exists: Bool { userID != nil }
    package var isDisabled: Bool { disabledAt != nil }
    /// Admins must always sign in with a second factor; others once they have enrolled one.
    package var requiresSecondFactor: Bool { roles.contains(.admin) || secondFactorEnrolled }
}

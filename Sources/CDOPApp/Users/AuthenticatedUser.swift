import CDOPDomain
import CDOPProjections

/// The member of staff behind a request, as sign-in or a session found them.
package struct AuthenticatedUser: Sendable, Equatable {
    package var id: UserID
    package var username: String
    package var displayName: String
    package var roles: Set<StaffRole>
    /// Area codes the user is limited to; empty: all the panel's areas.
    package var areas: Set<String>
    /// The password was generated for them (new account or reset): the server should ask for a new one.
    package var mustChangePassword: Bool

    package init(
        id: UserID, username: String, displayName: String, roles: Set<StaffRole>, areas: Set<String>,
        mustChangePassword: Bool = false
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.areas = areas
        self.mustChangePassword = mustChangePassword
    }

    init(_ summary: UserSummary, mustChangePassword: Bool) {
        self.init(
            id: summary.userID, username: summary.username, displayName: summary.displayName, roles: summary.roles,
            areas: summary.areas, mustChangePassword: mustChangePassword)
    }

    /// Whether the user holds `role`.
    package func can(_ role: StaffRole) -> Bool { roles.contains(role) }

    /// Whether the user holds any of `roles` (a route names the roles it allows).
    package func can(anyOf roles: Set<StaffRole>) -> Bool { !self.roles.isDisjoint(with: roles) }

    /// Whether the user may see cases of this area; a case with no area only by users limited to none.
    package func mayView(areaCode: String?) -> Bool {
        guard !areas.isEmpty else { return true }
        guard let areaCode else { return false }
        return areas.contains(areaCode)
    }

    /// Who is acting, for the metadata of the events their commands record.
    package var actor: Actor {
        Actor(name: username, role: roles.sorted().first?.rawValue ?? "staff")
    }
}

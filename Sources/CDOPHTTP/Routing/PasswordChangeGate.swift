import CDOPApp
import Hummingbird

/// A session signed in with a generated password (a new account, a reset, the demo's) reaches only what
/// changing it needs: the account page, its password form and signing out. Every other staff route answers
/// "set a new password first" (a page goes to the account page; the API answers 403 with a problem document).
/// `RouteTable` asks here for every route, before the route's own access, so no handler has to remember.
enum PasswordChangeGate {
    /// The staff routes such a session may use.
    static let open: Set<String> = ["GET /account", "POST /account/password", "POST /sign-out"]

    /// Whether `staff` may go on to `route` as far as their password is concerned.
    static func admits(_ staff: StaffIdentity?, to route: RouteSpec) -> Bool {
        guard let staff, staff.user.mustChangePassword, route.access.isStaffOnly else { return true }
        return open.contains(route.description)
    }

    /// The answer to a session that must set a new password first.
    static func refusal(_ route: RouteSpec) -> Response {
        switch route.kind {
        case .api: Problem.passwordChangeRequired().response
        case .page: redirect(to: "/account?mustChange=1")
        }
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Who may use a route. Every route names one; `RouteTable` refuses a request that does not qualify before
/// the handler runs, and the route-matrix test walks every route with every role.
package enum Access: Sendable, Hashable {
    /// Anyone, signed in or not: the public notification form, sign-in, static files, health.
    case everyone
    /// Anyone holding a practitioner link: the handler checks the token (unguessable, one request, expiring).
    case practitionerLink
    /// Signed-in staff holding one of these roles.
    case staff(Set<StaffRole>)

    /// Every staff role.
    package static let anyStaff = Access.staff(Set(StaffRole.allCases))

    /// Whether `identity` may use a route with this access.
    package func allows(_ identity: StaffIdentity?) -> Bool {
        switch self {
        case .everyone, .practitionerLink: true
        case .staff(let roles): identity.map { !roles.isDisjoint(with: $0.user.roles) } ?? false
        }
    }
}

/// Whether a route answers with pages (HTML, sign-in redirects) or the JSON API (problem details).
package enum RouteKind: Sendable, Hashable {
    case page
    case api
}

/// One route as declared: what the route-matrix test enumerates.
package struct RouteSpec: Sendable, Hashable, CustomStringConvertible {
    package var method: String
    package var path: String
    package var access: Access
    package var kind: RouteKind

    package var description: String { "\(method) \(path)" }
}

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

    /// Whether the user acts for the panel: the coordinator's actions on cases, requests and meetings are offered.
    package var actsForPanel: Bool { has(.coordinator) }

    /// Whether the user may waive an outstanding form request of a case on a meeting's agenda.
    package var mayWaiveAgendaRequests: Bool { has(.coordinator) || has(.panelMember) }

    /// Whether the user sees meetings at all (coordinators, designated doctors and panel members).
    package var seesMeetings: Bool { has(.coordinator) || has(.designatedDoctor) || has(.panelMember) }

    /// Whether a case of the area `areaCode` lies in the user's areas (a case with no area only for a user
    /// limited to none).
    package func hasCaseInScope(areaCode: String?) -> Bool { user.mayView(areaCode: areaCode) }

    /// Who the events of this user's commands record: the username, and the coordinator role when held (else
    /// the first role by name), never a child's details.
    package var actor: Actor {
        let role = has(.coordinator) ? StaffRole.coordinator : user.roles.sorted { $0.rawValue < $1.rawValue }.first!
        return Actor(name: user.username, role: role.rawValue)
    }
}

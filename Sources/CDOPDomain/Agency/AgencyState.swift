import Foundation

/// An agency's directory entry, folded from its events.
package struct AgencyState: Hashable, Sendable {
    package var agencyID: AgencyID?
    package var name = ""
    package var kind: AgencyKind = .other
    package var contacts: [AgencyContact] = []
    package var retiredAt: Date?
    package var retirementReason: String?

    package init() {}

    /// Whether the agency was registered.
    package var exists: Bool { agencyID != nil }
    /// The lead contacts, who receive form requests.
    package var leadContacts: [AgencyContact] { contacts.filter(\.isLead) }
}

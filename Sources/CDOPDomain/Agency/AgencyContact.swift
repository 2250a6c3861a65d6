/// A person to contact at an agency; lead contacts receive reporting-form requests.
package struct AgencyContact: Hashable, Sendable, Codable {
    package var name: String
    package var role: String?
    package var email: String
    package var phone: String?
    package var isLead: Bool

    package init(name: String, role: String? = nil, email: String, phone: String? = nil, isLead: Bool) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.isLead = isLead
    }
}

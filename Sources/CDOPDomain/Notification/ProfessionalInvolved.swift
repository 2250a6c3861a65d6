/// A professional or agency the notifier lists as involved with the child: the list that decides who
/// gets reporting forms.
package struct ProfessionalInvolved: Hashable, Sendable, Codable {
    package var name: String
    package var role: String
    package var organisation: String
    /// Phone or email, as given.
    package var contact: String?

    package init(name: String, role: String, organisation: String, contact: String? = nil) {
        self.name = name
        self.role = role
        self.organisation = organisation
        self.contact = contact
    }
}

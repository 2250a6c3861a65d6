/// A parent or carer of the child, as the notification names them: each is a person in their own right, whose
/// details can be erased apart from the child's.
package struct ParentOrCarer: Hashable, Sendable, Codable {
    package var name: String
    /// Their relationship to the child, as given: "mother", "father", "foster carer".
    package var relationship: String
    /// Phone, email or address, as given.
    package var contact: String?

    package init(name: String, relationship: String, contact: String? = nil) {
        self.name = name
        self.relationship = relationship
        self.contact = contact
    }
}

/// A child's names as notified: forenames, surname and any other names they were known by.
package struct PersonName: Hashable, Sendable, Codable {
    /// Given names in order; may be empty for a baby not yet named.
    package var forenames: String
    /// Family name.
    package var surname: String
    /// Other full names the child was known by.
    package var aliases: [String]

    package init(forenames: String, surname: String, aliases: [String] = []) {
        self.forenames = forenames
        self.surname = surname
        self.aliases = aliases
    }

    /// "Alex Testchild".
    package var fullName: String {
        forenames.isEmpty ? surname : forenames + " " + surname
    }
}

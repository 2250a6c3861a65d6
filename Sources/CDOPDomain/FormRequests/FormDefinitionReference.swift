/// The form definition (id and version) an agency answered, so answers can always be read against it.
package struct FormDefinitionReference: Hashable, Sendable, Codable {
    package var id: String
    package var version: Int

    package init(id: String, version: Int) {
        self.id = id
        self.version = version
    }
}

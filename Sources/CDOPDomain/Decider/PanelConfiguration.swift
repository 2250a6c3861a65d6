/// A local-authority area a panel covers, e.g. code "E08000003", name "Manchester".
package struct LocalAuthorityArea: Hashable, Sendable, Codable {
    /// The ONS area code.
    package var code: String
    /// The area's name as people know it.
    package var name: String

    package init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// The panel deciding: its name and the local-authority areas whose child deaths it reviews.
package struct PanelConfiguration: Hashable, Sendable, Codable {
    /// The panel's name, e.g. "Northshire and Riverside CDOP".
    package var name: String
    /// The areas covered (one for a single-area panel, several for a regional one).
    package var areas: [LocalAuthorityArea]

    package init(name: String, areas: [LocalAuthorityArea]) {
        self.name = name
        self.areas = areas
    }

    /// The configured area with this code, if the panel covers it.
    package func area(code: String) -> LocalAuthorityArea? {
        areas.first { $0.code == code }
    }
}

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
    /// Reviews completed before this day may be recorded on the older preventability scale
    /// (`LegacyPreventability`); from it on, only the modifiable-factors outcome.
    package var legacyScaleUntil: CalendarDate

    package init(
        name: String, areas: [LocalAuthorityArea],
        legacyScaleUntil: CalendarDate = LegacyPreventability.defaultScaleUntil
    ) {
        self.name = name
        self.areas = areas
        self.legacyScaleUntil = legacyScaleUntil
    }

    private enum CodingKeys: String, CodingKey { case name, areas, legacyScaleUntil }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            areas: try c.decode([LocalAuthorityArea].self, forKey: .areas),
            legacyScaleUntil: try c.decodeIfPresent(CalendarDate.self, forKey: .legacyScaleUntil)
                ?? LegacyPreventability.defaultScaleUntil)
    }

    /// The configured area with this code, if the panel covers it.
    package func area(code: String) -> LocalAuthorityArea? {
        areas.first { $0.code == code }
    }
}

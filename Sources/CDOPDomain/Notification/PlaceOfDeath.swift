/// Where the child died (or the fatal event happened), in the reporting form's categories.
package enum PlaceOfDeathKind: String, Hashable, Sendable, Codable, CaseIterable {
    case hospitalEmergencyDepartment
    case hospitalWard
    case neonatalUnit
    case intensiveCareUnit
    case home
    case otherResidence
    case fosterHome
    case residentialCare
    case publicPlace
    case school
    case hospice
    case mentalHealthUnit
    case abroad
    case other
}

/// The place of death: its kind and a short description (e.g. the hospital's name).
package struct PlaceOfDeath: Hashable, Sendable, Codable {
    package var kind: PlaceOfDeathKind
    package var description: String?

    package init(kind: PlaceOfDeathKind, description: String? = nil) {
        self.kind = kind
        self.description = description
    }
}

/// The domains the analysis form groups factors under.
package enum FactorDomain: String, Hashable, Sendable, Codable, CaseIterable {
    /// Factors intrinsic to the child.
    case child
    /// Social environment, including family and parenting capacity.
    case socialEnvironment
    case physicalEnvironment
    case serviceProvision

    /// The domain in the analysis form's words.
    package var label: String {
        switch self {
        case .child: "factors intrinsic to the child"
        case .socialEnvironment: "social environment, including family and parenting capacity"
        case .physicalEnvironment: "physical environment"
        case .serviceProvision: "service provision"
        }
    }
}

/// How much a factor bore on the death: 0 information not available, 1 none or unlikely to have
/// contributed, 2 may have contributed.
package enum FactorLevel: Int, Hashable, Sendable, Codable, CaseIterable {
    case informationNotAvailable = 0
    case noneOrUnlikely = 1
    case mayHaveContributed = 2
}

/// A factor the panel identified, with its domain, level and whether action could change it.
package struct ContributoryFactor: Hashable, Sendable, Codable {
    package var domain: FactorDomain
    package var description: String
    package var level: FactorLevel
    /// Whether national or local action could change it (meaningful at level 2 only).
    package var modifiable: Bool

    package init(domain: FactorDomain, description: String, level: FactorLevel, modifiable: Bool) {
        self.domain = domain
        self.description = description
        self.level = level
        self.modifiable = modifiable
    }
}

/// The panel's conclusion on modifiable factors (used nationally since 2010).
package enum ModifiableFactorsOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    case modifiableFactorsIdentified
    case noModifiableFactorsIdentified
    case insufficientInformation

    /// The outcome in the analysis form's words.
    package var label: String {
        switch self {
        case .modifiableFactorsIdentified: "modifiable factors identified"
        case .noModifiableFactorsIdentified: "no modifiable factors identified"
        case .insufficientInformation: "insufficient information"
        }
    }
}

/// The older preventability judgement (to March 2010), kept only for historic cases.
package enum LegacyPreventability: String, Hashable, Sendable, Codable, CaseIterable {
    case preventable
    case potentiallyPreventable
    case notPreventable
    case insufficientInformation

    /// The last day of death the old scale applied to (it was replaced on 1 April 2010).
    package static let lastApplicableDeathDate = CalendarDate(year: 2010, month: 3, day: 31)!
}

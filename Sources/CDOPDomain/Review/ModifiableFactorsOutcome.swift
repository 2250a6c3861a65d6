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

/// The older preventability judgement (Working Together 2010's classification), kept for the reviews a panel
/// completed on it: panels published preventable / potentially preventable / not preventable tables until the
/// modifiable-factors outcome of Working Together 2013 replaced it. A review on this scale is never converted.
package enum LegacyPreventability: String, Hashable, Sendable, Codable, CaseIterable {
    case preventable
    case potentiallyPreventable
    case notPreventable
    case insufficientInformation

    /// The default cut-over: reviews completed before 1 April 2013 may be recorded on the older scale.
    package static let defaultScaleUntil = CalendarDate(year: 2013, month: 4, day: 1)!

    /// The scale in the words of the published tables.
    package var label: String {
        switch self {
        case .preventable: "preventable"
        case .potentiallyPreventable: "potentially preventable"
        case .notPreventable: "not preventable"
        case .insufficientInformation: "insufficient information"
        }
    }
}

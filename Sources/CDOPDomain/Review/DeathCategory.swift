/// The ten national categories of death, ranked: when several apply, the lowest number is recorded.
package enum DeathCategory: Int, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case deliberatelyInflictedInjuryAbuseOrNeglect = 1
    case suicideOrDeliberateSelfInflictedHarm = 2
    case traumaAndOtherExternalFactors = 3
    case malignancy = 4
    case acuteMedicalOrSurgicalCondition = 5
    case chronicMedicalCondition = 6
    case chromosomalGeneticAndCongenitalAnomalies = 7
    case perinatalNeonatalEvent = 8
    case infection = 9
    case suddenUnexpectedUnexplainedDeath = 10

    /// The category as the analysis form names it.
    package var label: String {
        switch self {
        case .deliberatelyInflictedInjuryAbuseOrNeglect: "deliberately inflicted injury, abuse or neglect"
        case .suicideOrDeliberateSelfInflictedHarm: "suicide or deliberate self-inflicted harm"
        case .traumaAndOtherExternalFactors: "trauma and other external factors"
        case .malignancy: "malignancy"
        case .acuteMedicalOrSurgicalCondition: "acute medical or surgical condition"
        case .chronicMedicalCondition: "chronic medical condition"
        case .chromosomalGeneticAndCongenitalAnomalies: "chromosomal, genetic and congenital anomalies"
        case .perinatalNeonatalEvent: "perinatal/neonatal event"
        case .infection: "infection"
        case .suddenUnexpectedUnexplainedDeath: "sudden unexpected, unexplained death"
        }
    }

    /// The category numbered `rank`, or a refusal naming the value.
    package static func ranked(_ rank: Int) throws(DomainError) -> DeathCategory {
        guard let category = DeathCategory(rawValue: rank) else {
            throw DomainError(
                code: "outcome.categoryOutOfRange",
                "The category of death (\(rank)) must be a number from 1 to 10.")
        }
        return category
    }

    package static func < (lhs: DeathCategory, rhs: DeathCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}

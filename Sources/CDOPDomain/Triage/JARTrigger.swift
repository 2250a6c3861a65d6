/// The national triggers for a Joint Agency Response (any one opens a rapid response).
package enum JARTrigger: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// The death is or could be due to external causes.
    case externalCauses
    /// Sudden, with no immediately apparent cause (including SUDI/SUDC).
    case suddenNoApparentCause
    /// Death in custody or while detained under the Mental Health Act.
    case custodyOrDetention
    /// The initial circumstances raise suspicion the death may not be natural.
    case suspicionNotNatural
    /// A stillbirth where no healthcare professional was present.
    case unattendedStillbirth

    /// The trigger in the guidance's words.
    package var label: String {
        switch self {
        case .externalCauses: "death is or could be due to external causes"
        case .suddenNoApparentCause: "sudden death with no immediately apparent cause"
        case .custodyOrDetention: "death in custody or while detained under the Mental Health Act"
        case .suspicionNotNatural: "circumstances raise suspicion the death may not be natural"
        case .unattendedStillbirth: "stillbirth with no healthcare professional present"
        }
    }

    package static func < (lhs: JARTrigger, rhs: JARTrigger) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

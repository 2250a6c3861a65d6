/// Which form is requested: the reporting form (old Form B) or one of the supplementary reporting forms.
package enum FormType: String, Hashable, Sendable, Codable, CaseIterable {
    case reporting
    case sudiSudc
    case neonatal
    case suicideSelfHarm
    case roadTrafficCollision
    case drowning
    case fireBurns
    case asthmaAnaphylaxis
    case carePathway
    case cardiac
    case chromosomalGeneticCongenital
    case diabetes
    case epilepsy
    case infection
    case malignancy
    case substanceMisuse
    case violentMaltreatment
    case knifeGangCrime

    /// Whether this is a supplementary form rather than the reporting form.
    package var isSupplementary: Bool { self != .reporting }

    /// The form's name in a coordinator's words.
    package var label: String {
        switch self {
        case .reporting: "Form B"
        case .sudiSudc: "SUDI/SUDC supplementary form"
        case .neonatal: "neonatal supplementary form"
        case .suicideSelfHarm: "suicide or self-harm supplementary form"
        case .roadTrafficCollision: "road traffic collision supplementary form"
        case .drowning: "drowning supplementary form"
        case .fireBurns: "fire and burns supplementary form"
        case .asthmaAnaphylaxis: "asthma and anaphylaxis supplementary form"
        case .carePathway: "care pathway (palliative) supplementary form"
        case .cardiac: "cardiac supplementary form"
        case .chromosomalGeneticCongenital: "chromosomal, genetic and congenital anomalies supplementary form"
        case .diabetes: "diabetes supplementary form"
        case .epilepsy: "epilepsy supplementary form"
        case .infection: "infection supplementary form"
        case .malignancy: "malignancy supplementary form"
        case .substanceMisuse: "substance misuse supplementary form"
        case .violentMaltreatment: "violent or maltreatment death supplementary form"
        case .knifeGangCrime: "knife or gang crime supplementary form"
        }
    }
}

/// What kind of organisation an agency is (drives which reporting forms it is usually sent).
package enum AgencyKind: String, Hashable, Sendable, Codable, CaseIterable {
    case gp
    case hospital
    case police
    case childrensSocialCare
    case healthVisiting
    case school
    case ambulance
    case hospice
    case communityNursing
    case mentalHealth
    case midwifery
    case coroner
    case youthJustice
    case housing
    case other

    /// The kind in a coordinator's words.
    package var label: String {
        switch self {
        case .gp: "GP practice"
        case .hospital: "hospital"
        case .police: "police"
        case .childrensSocialCare: "children's social care"
        case .healthVisiting: "health visiting"
        case .school: "school"
        case .ambulance: "ambulance service"
        case .hospice: "hospice"
        case .communityNursing: "community nursing"
        case .mentalHealth: "mental health service"
        case .midwifery: "midwifery"
        case .coroner: "coroner"
        case .youthJustice: "youth justice"
        case .housing: "housing"
        case .other: "other"
        }
    }
}

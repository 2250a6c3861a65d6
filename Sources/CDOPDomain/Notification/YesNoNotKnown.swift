/// An answer of yes, no or not known, as the national forms prefer to a blank.
package enum YesNoNotKnown: String, Hashable, Sendable, Codable, CaseIterable {
    case yes
    case no
    case notKnown

    /// The word a coordinator reads.
    package var label: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .notKnown: "not known"
        }
    }
}

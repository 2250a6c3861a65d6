/// The child's sex as recorded on the notification form.
package enum Sex: String, Hashable, Sendable, Codable, CaseIterable {
    case male
    case female
    case indeterminate
    case notKnown

    /// The word a coordinator reads.
    package var label: String {
        switch self {
        case .male: "male"
        case .female: "female"
        case .indeterminate: "indeterminate"
        case .notKnown: "not known"
        }
    }
}

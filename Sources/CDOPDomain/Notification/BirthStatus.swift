/// Whether the child was born alive: the review covers live-born children, and a stillbirth with no
/// health professional present (which triggers a Joint Agency Response).
package enum BirthStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case liveBorn
    /// Suspected stillbirth at home, no health professional present: in scope for a Joint Agency Response.
    case suspectedUnattendedStillbirth
    /// A stillbirth attended by a health professional: outside the child death review.
    case stillbirth
    /// A lawful termination of pregnancy: outside the child death review.
    case lawfulTermination

    /// Whether the death is one the child death review covers.
    package var isInScope: Bool {
        self == .liveBorn || self == .suspectedUnattendedStillbirth
    }
}

/// Whether the death was expected: "unexpected" when not anticipated as a significant possibility about
/// 24 hours before, or when an unexpected collapse or incident led to it.
package enum Expectation: String, Hashable, Sendable, Codable, CaseIterable {
    case expected
    case unexpected
    case notKnown

    /// The word a coordinator reads.
    package var label: String {
        switch self {
        case .expected: "expected"
        case .unexpected: "unexpected"
        case .notKnown: "not known"
        }
    }
}

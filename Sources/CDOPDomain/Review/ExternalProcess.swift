/// A process outside the panel that the review waits for, pausing the timeliness clock.
package enum ExternalProcess: String, Hashable, Sendable, Codable, CaseIterable {
    case postMortem
    case inquest
    case criminalProceedings
    case safeguardingReview
    case other

    /// The process in a coordinator's words.
    package var label: String {
        switch self {
        case .postMortem: "post-mortem report"
        case .inquest: "inquest"
        case .criminalProceedings: "criminal proceedings"
        case .safeguardingReview: "safeguarding review"
        case .other: "other external process"
        }
    }
}

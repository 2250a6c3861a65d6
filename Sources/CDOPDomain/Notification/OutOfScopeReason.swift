/// Why a notified death is outside this panel's reviews (recorded, never dropped).
package enum OutOfScopeReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// A stillbirth attended by a professional, or a lawful termination.
    case notLiveBorn
    /// The child neither lived nor died in any of the panel's areas.
    case notInPanelArea
    /// Another reason the coordinator gives.
    case other

    /// The reason in a coordinator's words.
    package var label: String {
        switch self {
        case .notLiveBorn: "not a live-born child"
        case .notInPanelArea: "neither lived nor died in the panel's areas"
        case .other: "other reason"
        }
    }
}

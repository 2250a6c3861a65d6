/// What a meeting is for.
package enum MeetingType: String, Hashable, Sendable, Codable, CaseIterable {
    /// A Joint Agency Response (rapid-response) meeting, convened by the designated doctor.
    case rapidResponse
    /// A child death review meeting of those who knew the child.
    case childDeathReview
    /// A meeting of the Child Death Overview Panel.
    case panel

    /// The meeting kind in a coordinator's words.
    package var label: String {
        switch self {
        case .rapidResponse: "rapid-response meeting"
        case .childDeathReview: "child death review meeting"
        case .panel: "panel meeting"
        }
    }
}

/// Where a case stands in the review (the reference's state machine), derived from its facts.
package enum CaseStage: Hashable, Sendable {
    case notified
    case outOfScope
    case transferred(toPanel: String)
    case duplicate(of: CaseID)
    case triaged
    case rapidResponseActive
    case informationGathering
    case awaitingExternal
    case reviewMeetingHeld
    case readyForPanel
    case panelScheduled
    case panelReviewed
    case submittedToNCMD
    case closed

    /// A stable name for reports and filters, e.g. "awaitingExternal".
    package var name: String {
        switch self {
        case .notified: "notified"
        case .outOfScope: "outOfScope"
        case .transferred: "transferred"
        case .duplicate: "duplicate"
        case .triaged: "triaged"
        case .rapidResponseActive: "rapidResponseActive"
        case .informationGathering: "informationGathering"
        case .awaitingExternal: "awaitingExternal"
        case .reviewMeetingHeld: "reviewMeetingHeld"
        case .readyForPanel: "readyForPanel"
        case .panelScheduled: "panelScheduled"
        case .panelReviewed: "panelReviewed"
        case .submittedToNCMD: "submittedToNCMD"
        case .closed: "closed"
        }
    }

    /// Whether the case counts in this panel's figures (not out of scope, transferred or a duplicate).
    package var countsForPanel: Bool {
        switch self {
        case .outOfScope, .transferred, .duplicate: false
        default: true
        }
    }
}

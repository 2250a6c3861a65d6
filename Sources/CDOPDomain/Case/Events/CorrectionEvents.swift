import Foundation

/// The coordinator corrected the notification: which fields changed (from, to), why, and the notification as
/// it now stands (with the area and duplicate link the corrected details give).
package struct NotificationCorrected: EventPayload {
    package static let typeName = "case.notificationCorrected.v1"
    package var changes: [CorrectedField]
    package var notification: DeathNotification
    package var areaCode: String?
    package var residentInPanelArea: Bool
    /// A case the corrected details now match, linked as a possible duplicate (nil: none, or already linked).
    package var possibleDuplicateOf: CaseID?
    package var reason: String
    package var at: Date

    /// With the values: for those who may see a child's identifiable details (the case page's viewers).
    package var summary: String {
        "Notification corrected: "
            + changes.map {
                "\($0.field), from \($0.from.isEmpty ? "(none)" : $0.from) to \($0.to.isEmpty ? "(none)" : $0.to)"
            }
            .joined(separator: "; ")
            + ". Reason: \(reason)"
            + (possibleDuplicateOf.map { ". Now possibly a duplicate of \($0.reference)" } ?? "")
    }

    /// Without the values: which fields were corrected, and why.
    package var summaryWithoutValues: String {
        "Notification corrected: " + changes.map(\.field).joined(separator: ", ") + ". Reason: \(reason)"
    }
}

/// The coordinator reopened a settled "different death" decision: the case is again linked to `of` as a
/// possible duplicate, to be decided afresh.
package struct DuplicateDecisionReopened: EventPayload {
    package static let typeName = "case.duplicateDecisionReopened.v1"
    package var of: CaseID
    package var reason: String
    package var at: Date

    package var summary: String {
        "Duplicate decision reopened (possibly the same death as \(of.reference)): \(reason)"
    }
}

import Foundation

/// A death was notified and a case opened for it in the panel's area (or recorded as out of scope).
package struct NotificationReceived: EventPayload {
    package static let typeName = "case.notificationReceived.v1"
    package var caseID: CaseID
    package var notification: DeathNotification
    /// The case's area: where the child lived, or else died, within the panel's areas.
    package var areaCode: String?
    package var residentInPanelArea: Bool
    /// Another case the shell found that may be the same death.
    package var possibleDuplicateOf: CaseID?
    package var at: Date

    package var summary: String {
        let n = notification.notifier
        var line = "Death notified by \(n.name) (\(n.role), \(n.organisation)) on \(DayFormatter.long(n.dateNotified))"
        if let other = possibleDuplicateOf { line += "; possibly a duplicate of \(other.reference)" }
        return line
    }
}

/// The death was recorded as outside this panel's reviews (kept, never dropped).
package struct RecordedOutOfScope: EventPayload {
    package static let typeName = "case.recordedOutOfScope.v1"
    package var reason: OutOfScopeReason
    package var detail: String
    package var at: Date

    package var summary: String {
        "Recorded as outside the panel's reviews: \(reason.label)" + (detail.isEmpty ? "" : " (\(detail))")
    }
}

/// The case was handed to another panel; it keeps its history and leaves this panel's figures.
package struct CaseTransferred: EventPayload {
    package static let typeName = "case.transferred.v1"
    package var toPanel: String
    package var reason: String
    package var at: Date

    package var summary: String { "Transferred to \(toPanel): \(reason)" }
}

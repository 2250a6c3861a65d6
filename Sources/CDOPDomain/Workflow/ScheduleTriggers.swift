import Foundation

/// Which case events start a schedule, and which stop one. The shell plans the schedule (its definition
/// and the working-day calendar are data) and records it; the rules of when are here.
package enum ScheduleTriggers {
    /// The schedule an event starts, and what it chases; nil for most events. `retentionPeriods`: how many
    /// retention periods the case has started before (a new one is numbered after them).
    package static func start(
        for event: CaseEvent, retentionPeriods: Int
    ) -> (start: ScheduleDefinition.Start, target: ScheduleTarget)? {
        switch event {
        case .formRequested(let requested):
            return (
                requested.formType == .reporting ? .reportingFormRequested : .supplementaryFormRequested,
                .formRequest(requested.requestID)
            )
        case .rapidResponseOpened:
            return (.rapidResponseOpened, .rapidResponse)
        case .notificationReceived(let received) where ScopeAssessment(received.notification).outOfScope == nil:
            return (.caseNotified, .caseReview)
        case _ where endsTheCase(event):
            return (.caseClosed, .retention(closure: retentionPeriods + 1))
        default:
            return nil
        }
    }

    /// What an event stops: the kind of stop, the target it is limited to (nil: every schedule on the case),
    /// and when.
    package static func stop(
        for event: CaseEvent
    ) -> (stop: ScheduleDefinition.Stop, target: ScheduleTarget?, at: Date)? {
        switch event {
        case .formReturned(let e): (.formReturned, .formRequest(e.requestID), e.at)
        case .formDeclined(let e): (.formDeclined, .formRequest(e.requestID), e.at)
        case .formDeclineRecorded(let e): (.formDeclined, .formRequest(e.requestID), e.at)
        case .formRequestWithdrawn(let e): (.formWithdrawn, .formRequest(e.requestID), e.at)
        case .formRequestWaived(let e): (.formWaived, .formRequest(e.requestID), e.at)
        case .rapidResponseMeetingHeld(let e): (.rapidResponseMeetingHeld, .rapidResponse, e.at)
        case .rapidResponseCompleted(let e): (.rapidResponseCompleted, .rapidResponse, e.at)
        case .reviewMeetingHeld(let e): (.reviewMeetingHeld, nil, e.at)
        case .panelOutcomeRecorded(let e): (.panelOutcomeRecorded, nil, e.at)
        case .closed(let e): (.caseClosed, nil, e.at)
        case .reopened(let e): (.caseReopened, nil, e.at)
        case .duplicateConfirmed(let e): (.caseLeftPanel, nil, e.at)
        case .transferred(let e): (.caseLeftPanel, nil, e.at)
        case .recordedOutOfScope(let e): (.caseLeftPanel, nil, e.at)
        default: nil
        }
    }

    /// Whether the event ends the panel's work on the case, starting the retention of its personal data: its
    /// closing, or its leaving the panel (transferred, out of scope, a confirmed duplicate).
    package static func endsTheCase(_ event: CaseEvent) -> Bool {
        switch event {
        case .closed, .transferred, .recordedOutOfScope, .duplicateConfirmed: true
        default: false
        }
    }
}

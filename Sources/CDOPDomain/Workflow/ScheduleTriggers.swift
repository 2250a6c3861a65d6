import Foundation

/// Which case events start a schedule, and which stop one. The shell plans the schedule (its definition
/// and the working-day calendar are data) and records it; the rules of when are here.
package enum ScheduleTriggers {
    /// The schedule an event starts, and what it chases; nil for most events. `reopenings`: how often the case
    /// was reopened before the event (a closing's retention period is numbered by it).
    package static func start(
        for event: CaseEvent, reopenings: Int
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
        case .closed:
            return (.caseClosed, .retention(closure: reopenings + 1))
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
}

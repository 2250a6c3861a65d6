import Foundation

/// What a target step (`ScheduleAction.target(name:to:)`) watches: a meeting or review the case should reach
/// by a date. A closed set, so that a typo in a workflow file is refused rather than never met.
package enum TargetMilestone: String, Hashable, Sendable, Codable, CaseIterable {
    /// The Joint Agency Response (rapid response) meeting, 48 hours to 5 days after the death.
    case jarMeeting = "jar-meeting"
    /// The child death review meeting, locally aimed at about 3 months.
    case childDeathReviewMeeting = "child-death-review-meeting"
    /// The panel's review of the case, locally aimed at 3 to 6 months.
    case panelReview = "panel-review"

    /// The event that meets the target: once it has happened, the target's remaining steps are not sent,
    /// even if the schedule as a whole runs on (a case review schedule carries on to the panel's target
    /// after the child death review meeting has been held).
    package var metBy: ScheduleDefinition.Stop {
        switch self {
        case .jarMeeting: .rapidResponseMeetingHeld
        case .childDeathReviewMeeting: .reviewMeetingHeld
        case .panelReview: .panelOutcomeRecorded
        }
    }

    /// The words a person reads, e.g. in an email: "the joint agency response meeting".
    package var label: String {
        switch self {
        case .jarMeeting: "the joint agency response meeting"
        case .childDeathReviewMeeting: "the child death review meeting"
        case .panelReview: "the panel's review"
        }
    }

    /// Which schedules may carry this target.
    package var startedBy: ScheduleDefinition.Start {
        switch self {
        case .jarMeeting: .rapidResponseOpened
        case .childDeathReviewMeeting, .panelReview: .caseNotified
        }
    }
}

extension ScheduleDefinition.Start {
    /// Whether the schedule chases a form request (so it has a due date, reminders and escalations).
    package var chasesAForm: Bool {
        switch self {
        case .reportingFormRequested, .supplementaryFormRequested: true
        case .rapidResponseOpened, .caseNotified, .caseClosed: false
        }
    }

    /// The events that can stop a schedule started by this event: those that concern the same thing (the form
    /// request, the rapid response, the case), and the case leaving the process.
    package var possibleStops: Set<ScheduleDefinition.Stop> {
        switch self {
        case .reportingFormRequested, .supplementaryFormRequested:
            [.formReturned, .formDeclined, .formWithdrawn, .formWaived, .caseClosed, .caseLeftPanel]
        case .rapidResponseOpened:
            [.rapidResponseMeetingHeld, .rapidResponseCompleted, .caseClosed, .caseLeftPanel]
        case .caseNotified:
            [.reviewMeetingHeld, .panelOutcomeRecorded, .caseClosed, .caseLeftPanel]
        case .caseClosed:
            [.caseReopened]
        }
    }
}

extension ScheduleAction {
    /// The action's word in a workflow file: `due`, `remind`, `final-reminder`, `escalate`, `target` or
    /// `request-erasure`.
    package var keyword: String {
        switch self {
        case .due: "due"
        case .remind(_, .reminder): "remind"
        case .remind(_, .finalReminder): "final-reminder"
        case .escalate: "escalate"
        case .target: "target"
        case .requestErasure: "request-erasure"
        }
    }

    /// The order of actions falling at the same offset: the due date first, then reminders, escalations and
    /// targets, so "due at day 14" comes before "final reminder at day 14".
    package var rankAtSameOffset: Int {
        switch self {
        case .due: 0
        case .remind(let step, _): 1 + step
        case .escalate(let level): 1000 + (EscalationLevel.allCases.firstIndex(of: level) ?? 0)
        case .target: 2000
        case .requestErasure: 3000
        }
    }
}

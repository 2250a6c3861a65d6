import Foundation

/// A declared schedule (a file in `Workflows/`): after a starting event, which steps fall when, and which
/// events stop it. Identified by id and version; a started schedule records both, and its planned times.
package struct ScheduleDefinition: Hashable, Sendable {
    /// What starts a schedule.
    package enum Start: String, Hashable, Sendable, CaseIterable {
        /// A Form B (reporting form) request.
        case reportingFormRequested = "reporting-form-requested"
        /// A supplementary form request.
        case supplementaryFormRequested = "supplementary-form-requested"
        /// An unexpected death opening a rapid response (Joint Agency Response).
        case rapidResponseOpened = "rapid-response-opened"
        /// A notification opening a case (the review's own targets).
        case caseNotified = "case-notified"
        /// The case closed, or left the panel (its retention period: how long its personal data is kept).
        case caseClosed = "case-closed"
    }

    /// What stops a started schedule: every pending step is cancelled.
    package enum Stop: String, Hashable, Sendable, CaseIterable {
        case formReturned = "form-returned"
        case formDeclined = "form-declined"
        case formWithdrawn = "form-withdrawn"
        case formWaived = "form-waived"
        case rapidResponseMeetingHeld = "rapid-response-meeting-held"
        case rapidResponseCompleted = "rapid-response-completed"
        case reviewMeetingHeld = "review-meeting-held"
        case panelOutcomeRecorded = "panel-outcome-recorded"
        case caseClosed = "case-closed"
        case caseLeftPanel = "case-left-panel"
        case caseReopened = "case-reopened"
    }

    package var id: String
    package var version: Int
    package var title: String
    package var start: Start
    package var stoppedBy: Set<Stop>
    /// Whether time spent awaiting external processes (post-mortem, inquest, ...) is added to every step.
    package var pausedWhileAwaitingExternal: Bool
    /// Steps in the order they fall.
    package var steps: [ScheduleStep]

    package init(
        id: String, version: Int, title: String, start: Start, stoppedBy: Set<Stop>,
        pausedWhileAwaitingExternal: Bool = false, steps: [ScheduleStep]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.start = start
        self.stoppedBy = stoppedBy
        self.pausedWhileAwaitingExternal = pausedWhileAwaitingExternal
        self.steps = steps
    }

    /// The reference a started schedule records.
    package var reference: ScheduleReference { ScheduleReference(id: id, version: version) }
}

/// One step of a schedule: when it falls after the start, and what happens then.
package struct ScheduleStep: Hashable, Sendable, Codable {
    /// A name unique within its schedule, e.g. "reminder-1".
    package var name: String
    package var after: Offset
    package var action: ScheduleAction
    /// The email template sent when the step fires, if any (a file in `Workflows/emails/`).
    package var template: String?

    package init(name: String, after: Offset, action: ScheduleAction, template: String? = nil) {
        self.name = name
        self.after = after
        self.action = action
        self.template = template
    }
}

/// What a step does when its time comes.
package enum ScheduleAction: Hashable, Sendable, Codable {
    /// Marks the form's due date (the request becomes overdue after it); sends nothing.
    case due
    /// A reminder to the agency contact, numbered `step`.
    case remind(step: Int, kind: ReminderKind)
    /// Escalates an overdue request.
    case escalate(level: EscalationLevel)
    /// A reminder to the people responsible that a target is near or missed (e.g. the JAR meeting, the
    /// child death review meeting, the panel review), addressed to `to`.
    case target(name: String, to: [ScheduleRecipient])
    /// The end of a closed case's retention period: asks for the erasure of everyone the case names, which
    /// waits for two people's approval, and tells `to` so.
    case requestErasure(to: [ScheduleRecipient])
}

/// Who a target reminder or an escalation goes to.
package enum ScheduleRecipient: String, Hashable, Sendable, Codable, CaseIterable {
    case coordinator
    case designatedDoctor = "designated-doctor"
    case panelChair = "panel-chair"
    case agencyContact = "agency-contact"
}

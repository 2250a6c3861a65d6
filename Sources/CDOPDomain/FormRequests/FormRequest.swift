import Foundation

/// How a form request ended (or was set aside).
package enum FormResolution: Hashable, Sendable {
    case returned(at: Date)
    case declinedNoInformation(at: Date)
    case withdrawn(reason: String, at: Date)
    case waived(reason: String, at: Date)
}

/// A practitioner's unfinished answers to a request, kept to come back to.
package struct FormDraft: Hashable, Sendable {
    package var definition: FormDefinitionReference
    package var answers: FormAnswers
    package var savedBy: String
    package var savedAt: Date

    package init(definition: FormDefinitionReference, answers: FormAnswers, savedBy: String, savedAt: Date) {
        self.definition = definition
        self.answers = answers
        self.savedBy = savedBy
        self.savedAt = savedAt
    }
}

/// A request sent on to a new contact: from whom, to whom, when.
package struct FormContactChange: Hashable, Sendable {
    package var from: String
    package var to: String
    package var at: Date
}

/// Where a form request stands, as a coordinator's dashboard shows it.
package enum FormRequestStatus: Hashable, Sendable {
    case requested
    case reminded(step: Int)
    case escalated(level: EscalationLevel)
    case returned
    case declined
    case withdrawn
    case waived
}

/// One form requested from one agency for this case, with its chasing history.
package struct FormRequest: Hashable, Sendable {
    package var id: FormRequestID
    package var agencyID: AgencyID
    package var agencyName: String
    package var formType: FormType
    package var contactEmail: String
    package var dueDate: CalendarDate
    package var schedule: ScheduleReference?
    package var requestedAt: Date
    /// Reminder steps issued, in order.
    package var remindersIssued: [Int] = []
    package var escalation: EscalationLevel?
    package var resolution: FormResolution?
    /// The definition answered and the answers, once returned.
    package var answered: FormDefinitionReference?
    package var answers: FormAnswers = [:]
    /// The practitioner's latest unfinished answers, until the form is returned.
    package var draft: FormDraft?
    /// When the coordinator sent a reminder at once, outside the chasing schedule.
    package var remindersSentNow: [Date] = []
    /// Each change of contact, in order (each issues a new link to the new contact).
    package var contactChanges: [FormContactChange] = []
    /// Why the agency declined, when it gave a reason.
    package var declineReason: String?
    /// When the agency was to be told by email that the request was withdrawn.
    package var withdrawalNoticeAt: Date?

    /// Still waiting for the agency: neither returned, declined, withdrawn nor waived.
    package var isOutstanding: Bool { resolution == nil }

    /// Whether an agency's return can still be accepted (outstanding, or waived but welcome late).
    package var acceptsReturn: Bool {
        switch resolution {
        case nil, .waived: true
        default: false
        }
    }

    /// The status a coordinator sees.
    package var status: FormRequestStatus {
        switch resolution {
        case .returned: return .returned
        case .declinedNoInformation: return .declined
        case .withdrawn: return .withdrawn
        case .waived: return .waived
        case nil:
            if let escalation { return .escalated(level: escalation) }
            if let step = remindersIssued.max() { return .reminded(step: step) }
            return .requested
        }
    }
}

extension FormRequestStatus {
    /// The status in a coordinator's words.
    package var label: String {
        switch self {
        case .requested: "requested"
        case .reminded(let step): "reminded (step \(step))"
        case .escalated(let level): "escalated to \(level.label)"
        case .returned: "returned"
        case .declined: "declined (no information held)"
        case .withdrawn: "withdrawn"
        case .waived: "waived"
        }
    }
}

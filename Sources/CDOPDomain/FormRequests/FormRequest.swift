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

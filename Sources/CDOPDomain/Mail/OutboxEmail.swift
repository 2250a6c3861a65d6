import CDOPPrimitives
import Foundation

/// Who an email goes to: an agency's contact (an address the case holds) or a role of the panel's own staff
/// (an address the panel configures).
package enum EmailRecipient: Hashable, Sendable {
    case agencyContact(email: String, agencyName: String)
    case role(ScheduleRecipient)
    /// Someone invited to a meeting.
    case invitee(email: String, name: String)
    /// The member of staff whose account the email is about.
    case accountOwner(email: String, name: String)

    /// How the timeline and the outbox name the recipient, without an address.
    package var roleName: String {
        switch self {
        case .agencyContact: "agency contact"
        case .invitee: "invitee"
        case .accountOwner: "account owner"
        case .role(let role): role.rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }
}

/// Where an email of the case stands.
package enum OutboxState: String, Hashable, Sendable {
    /// Waiting to be sent.
    case pending
    case sent
    case failed
    /// No longer needed before it went (a reminder for a form returned meanwhile).
    case cancelled
}

/// An email the case calls for: its stable id, its template, recipient, what it is about, and its state.
package struct OutboxEmail: Hashable, Sendable {
    /// Stable across processes and rebuilds, e.g. "request:<request id>" or "step:<timer id>:coordinator".
    package var id: String
    package var template: String
    package var recipient: EmailRecipient
    package var requestID: FormRequestID?
    package var reminderNumber: Int?
    package var createdAt: Date
    package var state: OutboxState
}

extension CaseState {
    /// Every email this case has called for: Form B requests, reminders and escalations its schedules acted on,
    /// target alerts, an alert to the coordinator for each email that could not be delivered, and one for each
    /// document of a national return that could not be sent to NCMD.
    package var outboxEmails: [OutboxEmail] {
        guard let caseID else { return [] }
        var emails: [OutboxEmail] = []
        func state(of id: String, stillNeeded: Bool) -> OutboxState {
            switch emailOutcomes[id] {
            case .sent?: .sent
            case .failed?: .failed
            case nil: stillNeeded ? .pending : .cancelled
            }
        }
        if let at = coordinatorAlertedAt {
            emails.append(
                OutboxEmail(
                    id: "notified", template: "new-notification", recipient: .role(.coordinator), requestID: nil,
                    reminderNumber: nil, createdAt: at, state: state(of: "notified", stillNeeded: true)))
        }
        for request in formRequests {
            let id = "request:\(request.id)"
            // A request sent on to a new contact: an email not yet gone to an earlier contact is no longer needed
            // (it would carry the newest link).
            emails.append(
                OutboxEmail(
                    id: id, template: "request",
                    recipient: .agencyContact(
                        email: request.contactChanges.first?.from ?? request.contactEmail,
                        agencyName: request.agencyName),
                    requestID: request.id, reminderNumber: nil, createdAt: request.requestedAt,
                    state: state(of: id, stillNeeded: request.isOutstanding && request.contactChanges.isEmpty)))
            emails += requestWorkEmails(request, state: state)
        }
        for run in schedules {
            for step in run.steps where run.acted.contains(step.name) {
                guard let template = step.template, let reachedAt = run.reached[step.name] else { continue }
                let timerID = TimerID.make(caseID: caseID, run: run, step: step.name).lowercasedText
                var requestID: FormRequestID?
                if case .formRequest(let id) = run.target { requestID = id }
                let stillNeeded = requestID.map { request($0)?.isOutstanding ?? false } ?? true
                let recipients: [EmailRecipient]
                var reminderNumber: Int?
                switch step.action {
                case .remind(let number, _):
                    reminderNumber = number
                    guard let request = requestID.flatMap(request) else { continue }
                    recipients = [.agencyContact(email: request.contactEmail, agencyName: request.agencyName)]
                case .escalate(let level):
                    recipients =
                        level == .coordinator ? [.role(.coordinator)] : [.role(.designatedDoctor), .role(.panelChair)]
                case .target(_, let to), .requestErasure(let to):
                    recipients = to.map(EmailRecipient.role)
                case .due:
                    recipients = []
                }
                for recipient in recipients {
                    let id = "step:\(timerID):\(recipient.roleName.replacingOccurrences(of: " ", with: "-"))"
                    emails.append(
                        OutboxEmail(
                            id: id, template: template, recipient: recipient, requestID: requestID,
                            reminderNumber: reminderNumber, createdAt: reachedAt,
                            state: state(of: id, stillNeeded: stillNeeded)))
                }
            }
        }
        for (outboxID, outcome) in emailOutcomes.sorted(by: { $0.key < $1.key }) {
            guard case .failed(_, let at) = outcome, !outboxID.hasPrefix("failure:") else { continue }
            let id = "failure:\(outboxID)"
            emails.append(
                OutboxEmail(
                    id: id, template: "delivery-failure", recipient: .role(.coordinator), requestID: nil,
                    reminderNumber: nil, createdAt: at, state: state(of: id, stillNeeded: true)))
        }
        for delivery in nationalReturnDeliveries {
            guard case .failed(_, let at) = delivery.outcome else { continue }
            let id = "ncmd-failure:\(delivery.key)"
            emails.append(
                OutboxEmail(
                    id: id, template: "ncmd-delivery-failure", recipient: .role(.coordinator), requestID: nil,
                    reminderNumber: nil, createdAt: at, state: state(of: id, stillNeeded: true)))
        }
        return emails
    }
}

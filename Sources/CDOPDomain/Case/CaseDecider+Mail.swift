import Foundation

/// Practitioner links and the outcomes of outbox emails.
extension CaseDecider {
    /// Issues a link for an outstanding request; the same token hash again issues nothing.
    static func issuePractitionerLink(
        _ requestID: FormRequestID, _ tokenHash: String, _ expiresAt: Date, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(requestID, state)
        guard tokenHash.count == 64, tokenHash.allSatisfy(\.isHexDigit) else {
            throw DomainError(code: "link.invalidHash", "A link's token hash must be 64 hexadecimal characters.")
        }
        guard expiresAt > now else {
            throw DomainError(
                code: "link.expiresInPast",
                "A link cannot expire before it is issued (\(DayFormatter.long(expiresAt))).")
        }
        if state.links.contains(where: { $0.tokenHash == tokenHash }) { return [] }
        guard request.isOutstanding else {
            throw DomainError(
                code: "link.requestNotOutstanding",
                "The \(request.formType.label) from \(request.agencyName) is no longer awaited: no link can be issued.")
        }
        return [
            .practitionerLinkIssued(
                PractitionerLinkIssued(requestID: requestID, tokenHash: tokenHash, expiresAt: expiresAt, at: now))
        ]
    }

    /// Records a sent email once; a repeat (the dispatcher retried after a crash) records nothing.
    static func recordEmailSent(_ outcome: EmailOutcome, _ state: CaseState, _ now: Date) -> [CaseEvent] {
        guard state.emailOutcomes[outcome.outboxID] == nil else { return [] }
        return [
            .emailSent(
                EmailSent(
                    outboxID: outcome.outboxID, messageID: outcome.messageID, template: outcome.template,
                    recipientRole: outcome.recipientRole, route: outcome.route, attempts: outcome.attempts, at: now))
        ]
    }

    /// Records a failed email once.
    static func recordEmailFailed(_ outcome: EmailOutcome, _ reason: String, _ state: CaseState, _ now: Date)
        -> [CaseEvent]
    {
        guard state.emailOutcomes[outcome.outboxID] == nil else { return [] }
        return [
            .emailDeliveryFailed(
                EmailDeliveryFailed(
                    outboxID: outcome.outboxID, messageID: outcome.messageID, template: outcome.template,
                    recipientRole: outcome.recipientRole, reason: reason, attempts: outcome.attempts, at: now))
        ]
    }

    /// Puts a dead letter back in the outbox; only a failed email can be requeued.
    static func requeueEmail(_ outboxID: String, _ state: CaseState, _ now: Date) throws(DomainError) -> [CaseEvent] {
        guard case .failed? = state.emailOutcomes[outboxID] else {
            throw DomainError(
                code: "email.notFailed", "The email \(outboxID) has not failed, so there is nothing to send again.")
        }
        return [.emailRequeued(EmailRequeued(outboxID: outboxID, at: now))]
    }
}

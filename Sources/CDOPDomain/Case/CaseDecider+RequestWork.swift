import Foundation

/// The coordinator's work on one request beyond its schedule: a reminder now, a new contact, a decline with a
/// reason.
extension CaseDecider {
    /// Sends a reminder for an outstanding request at once.
    static func sendReminderNow(
        _ id: FormRequestID, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        let request = try existingRequest(id, state)
        try requireOutstanding(request, "reminded")
        return [
            .formReminderRequested(
                FormReminderRequested(
                    requestID: id, agencyName: request.agencyName, number: request.remindersSentNow.count + 1,
                    at: context.now))
        ]
    }

    /// Sends an outstanding request to a new contact (the shell issues the new link in the same transaction).
    static func changeFormContact(
        _ id: FormRequestID, _ contactEmail: String, _ state: CaseState, _ context: DecisionContext
    ) throws(DomainError) -> [CaseEvent] {
        try requireNotClosed(state)
        let request = try existingRequest(id, state)
        try requireOutstanding(request, "sent to a new contact")
        let email = try EmailAddress.validated(contactEmail, field: "new contact's email for \(request.agencyName)")
        guard email.lowercased() != request.contactEmail.lowercased() else {
            throw DomainError(
                code: "formRequest.sameContact",
                "The new contact's email is the one the request already goes to; enter a different address.")
        }
        return [
            .formContactChanged(
                FormContactChanged(requestID: id, agencyName: request.agencyName, contactEmail: email, at: context.now))
        ]
    }

    /// Records the agency's decline with its reason (for example, that it did not know the child).
    static func recordDecline(
        _ id: FormRequestID, _ reason: String, _ declaredBy: String, _ state: CaseState, _ now: Date
    ) throws(DomainError) -> [CaseEvent] {
        let request = try existingRequest(id, state)
        try requireAcceptsAnswer(request)
        guard let reason = TextField.optional(reason) else { throw .reasonMissing("record a decline") }
        let by = try TextField.required(
            declaredBy, field: "name of the person declining", code: "formReturn.submitterMissing")
        return [
            .formDeclineRecorded(
                FormDeclineRecorded(
                    requestID: id, agencyName: request.agencyName, reason: reason, declaredBy: by, at: now))
        ]
    }
}

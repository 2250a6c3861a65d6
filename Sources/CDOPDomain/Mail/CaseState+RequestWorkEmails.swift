import Foundation

extension CaseState {
    /// The emails the coordinator's work on one request calls for: the request again to each new contact,
    /// each reminder sent now, and the notice of a withdrawal. `state` says where an email id stands given
    /// whether it is still needed.
    func requestWorkEmails(_ request: FormRequest, state: (String, Bool) -> OutboxState) -> [OutboxEmail] {
        var emails: [OutboxEmail] = []
        for (index, change) in request.contactChanges.enumerated() {
            let id = "request:\(request.id):contact-\(index + 1)"
            let latest = index == request.contactChanges.count - 1
            emails.append(
                OutboxEmail(
                    id: id, template: "request",
                    recipient: .agencyContact(email: change.to, agencyName: request.agencyName),
                    requestID: request.id, reminderNumber: nil, createdAt: change.at,
                    state: state(id, request.isOutstanding && latest)))
        }
        for (index, at) in request.remindersSentNow.enumerated() {
            let id = "reminder-now:\(request.id):\(index + 1)"
            emails.append(
                OutboxEmail(
                    id: id, template: "reminder",
                    recipient: .agencyContact(email: request.contactEmail, agencyName: request.agencyName),
                    requestID: request.id, reminderNumber: request.remindersIssued.count + index + 1, createdAt: at,
                    state: state(id, request.isOutstanding)))
        }
        if let at = request.withdrawalNoticeAt {
            let id = "withdrawn:\(request.id)"
            emails.append(
                OutboxEmail(
                    id: id, template: "request-withdrawn",
                    recipient: .agencyContact(email: request.contactEmail, agencyName: request.agencyName),
                    requestID: request.id, reminderNumber: nil, createdAt: at, state: state(id, true)))
        }
        return emails
    }
}

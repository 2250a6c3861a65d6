import Foundation

/// A practitioner's link to a form request was issued: only the SHA-256 of its token is recorded, never the
/// token itself. It expires at `expiresAt` and is revoked when the request is answered or withdrawn.
package struct PractitionerLinkIssued: EventPayload {
    package static let typeName = "case.practitionerLinkIssued.v1"
    package var requestID: FormRequestID
    /// Lower-case hex SHA-256 of the token.
    package var tokenHash: String
    package var expiresAt: Date
    package var at: Date

    package var summary: String {
        "Secure link issued for the form request, valid until \(DayFormatter.long(expiresAt))"
    }
}

/// An email from the outbox was accepted by the mail server (or written to the spool).
package struct EmailSent: EventPayload {
    package static let typeName = "case.emailSent.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    /// Who it was for, by role (agency contact, coordinator, ...): never an address in the timeline text.
    package var recipientRole: String
    package var route: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" sent to the \(recipientRole) (\(route))" }
}

/// An email from the outbox could not be delivered: refused for good, or too many failed attempts.
package struct EmailDeliveryFailed: EventPayload {
    package static let typeName = "case.emailDeliveryFailed.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    /// The failure's kind and the server's words (never the message's content).
    package var reason: String
    package var attempts: Int
    package var at: Date

    package var summary: String {
        "Email \"\(template)\" to the \(recipientRole) could not be delivered after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason)"
    }
}

/// A dead letter was put back in the outbox by a coordinator or operator, to be tried again from scratch.
package struct EmailRequeued: EventPayload {
    package static let typeName = "case.emailRequeued.v1"
    package var outboxID: String
    package var at: Date

    package var summary: String { "Undelivered email put back in the outbox to be sent again" }
}

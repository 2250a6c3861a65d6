import Foundation

/// An invitation, update or cancellation for the meeting was accepted by the mail server.
package struct MeetingEmailSent: EventPayload {
    package static let typeName = "meeting.emailSent.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var route: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" sent to an invitee (\(route))" }
}

/// An invitation, update or cancellation for the meeting could not be delivered.
package struct MeetingEmailDeliveryFailed: EventPayload {
    package static let typeName = "meeting.emailDeliveryFailed.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var reason: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" to an invitee could not be delivered: \(reason)" }
}

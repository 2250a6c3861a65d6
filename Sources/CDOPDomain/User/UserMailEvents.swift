import Foundation

/// An email to the account's owner was accepted by the mail server.
package struct UserEmailSent: EventPayload {
    package static let typeName = "user.emailSent.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var route: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" sent to the account's owner (\(route))" }
}

/// An email to the account's owner could not be delivered.
package struct UserEmailDeliveryFailed: EventPayload {
    package static let typeName = "user.emailDeliveryFailed.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var reason: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" to the account's owner could not be delivered: \(reason)" }
}

/// Proof that a transport took a message.
package struct MailDeliveryReceipt: Sendable, Hashable {
    package var messageID: MessageID
    package var recipients: [String]
    package var route: Route

    package enum Route: Sendable, Hashable {
        /// Accepted by an SMTP server (`server` is `host:port`) with the given final reply code (250).
        case smtp(server: String, replyCode: Int)
        /// Written to this file of the spool directory.
        case spool(file: String)
    }

    package init(messageID: MessageID, recipients: [String], route: Route) {
        self.messageID = messageID
        self.recipients = recipients
        self.route = route
    }
}

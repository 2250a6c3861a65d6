/// The SMTP envelope: the return path and the recipients the server is asked to deliver to (which may
/// differ from the To and Cc headers, for a blind copy).
package struct MailEnvelope: Sendable, Hashable {
    package var sender: String
    package var recipients: [String]

    package init(sender: MailAddress, recipients: [MailAddress]) {
        self.sender = sender.address
        self.recipients = recipients.map(\.address)
    }

    /// From, and every To and Cc address once, in order.
    package init(for message: MailMessage) {
        var seen = Set<String>()
        let recipients = (message.to + message.cc).filter { seen.insert($0.address.lowercased()).inserted }
        self.init(sender: message.from, recipients: recipients)
    }
}

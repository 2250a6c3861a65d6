/// Where cdop's mail goes and who it comes from.
package struct MailSettings: Sendable, Hashable {
    package enum Delivery: Sendable, Hashable {
        /// Through an SMTP server.
        case smtp(SMTPSettings)
        /// Into a directory of .eml files (no SMTP server configured).
        case spool(directory: String)
    }

    /// The sender of every mail (From and the envelope's return path).
    package var sender: MailAddress
    package var delivery: Delivery

    package init(sender: MailAddress, delivery: Delivery) {
        self.sender = sender
        self.delivery = delivery
    }

    /// The transport these settings describe.
    package func makeTransport() -> any MailTransport {
        switch delivery {
        case .smtp(let smtp): SMTPTransport(settings: smtp)
        case .spool(let directory): SpoolTransport(directory: directory)
        }
    }
}

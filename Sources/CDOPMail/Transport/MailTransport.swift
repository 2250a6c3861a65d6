/// Something that delivers rendered mail: an SMTP server, or a spool directory.
package protocol MailTransport: Sendable {
    /// Hands one message to the transport. Returns once it has been accepted (SMTP 250 after DATA, or the file
    /// renamed into place); throws a classified error otherwise.
    func send(_ message: RenderedMail, envelope: MailEnvelope) async throws(MailTransportError) -> MailDeliveryReceipt
}

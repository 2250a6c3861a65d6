import CDOPMail
import Foundation

extension TestSMTPServer {
    /// Settings for this server: STARTTLS off (loopback plain SMTP) unless a CA file is given.
    func settings(
        startTLS: SMTPSettings.StartTLS = .off, caFile: URL? = nil, credentials: SMTPCredentials? = nil,
        scheme: String = "smtp", responseTimeout: Duration = .seconds(10), clientName: String? = "cdop.example.org"
    ) throws -> SMTPSettings {
        try SMTPSettings(
            url: SMTPServerURL(url(scheme: scheme)), credentials: credentials, caFile: caFile?.path,
            startTLS: startTLS, clientName: clientName, connectTimeout: .seconds(5), responseTimeout: responseTimeout,
            transferTimeout: .seconds(60))
    }
}

/// Sends `message` through `transport`, returning the receipt or the classified error.
func deliver(_ message: MailMessage, via transport: some MailTransport) async throws
    -> Result<MailDeliveryReceipt, MailTransportError>
{
    let rendered = try MIMERenderer.render(message)
    do throws(MailTransportError) {
        return .success(try await transport.send(rendered, envelope: MailEnvelope(for: message)))
    } catch {
        return .failure(error)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

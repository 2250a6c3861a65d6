/// Sends mail to an SMTP server through libcurl: STARTTLS required unless configured off for a loopback test
/// server, certificate verified, AUTH when credentials are set.
package struct SMTPTransport: MailTransport {
    package let settings: SMTPSettings

    package init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Sends one message over a connection of its own, closed afterwards.
    package func send(
        _ message: RenderedMail, envelope: MailEnvelope
    ) async throws(MailTransportError) -> MailDeliveryReceipt {
        let session = openSession()
        let result: Result<MailDeliveryReceipt, MailTransportError>
        do throws(MailTransportError) {
            result = .success(try await session.send(message, envelope: envelope))
        } catch {
            result = .failure(error)
        }
        await session.close()
        return try result.get()
    }

    /// A session whose messages share one connection.
    package func openSession() -> SMTPSession { SMTPSession(settings: settings) }

    /// Sends every message, in order, over one connection; one result per message. A failure of one message
    /// does not stop the others.
    package func send(batch: [(RenderedMail, MailEnvelope)]) async -> [Result<MailDeliveryReceipt, MailTransportError>]
    {
        let session = openSession()
        var results: [Result<MailDeliveryReceipt, MailTransportError>] = []
        for (message, envelope) in batch {
            do throws(MailTransportError) {
                results.append(.success(try await session.send(message, envelope: envelope)))
            } catch {
                results.append(.failure(error))
            }
        }
        await session.close()
        return results
    }
}

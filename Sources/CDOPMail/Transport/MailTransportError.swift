/// Why a message was not delivered, classified for the dispatcher. Descriptions are written for an operator and
/// never contain the message's subject or body.
package enum MailTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached: refused, unreachable, name not resolved, or the connection dropped.
    case connectionFailed(server: String, detail: String)
    /// The server did not answer within the configured timeout.
    case timedOut(server: String)
    /// The server answered 4xx: it asks us to try again later.
    case deferred(server: String, replyCode: Int)
    /// The server answered 5xx: it will not take this message (unknown mailbox, policy, size).
    case rejected(server: String, replyCode: Int)
    /// An address in the envelope cannot be sent to; no server was asked.
    case invalidAddress(String)
    /// The server's certificate did not verify against the CA file (or the system's CAs), or the CA file
    /// could not be read. Mail stays undelivered until the configuration or the certificate is fixed.
    case tlsVerificationFailed(server: String, detail: String)
    /// TLS could not be set up: the server offers no STARTTLS, or the handshake failed.
    case tlsUnavailable(server: String, detail: String)
    /// The server refused the SMTP AUTH credentials.
    case authenticationFailed(server: String, replyCode: Int)
    /// The spool directory could not be written.
    case spoolFailed(path: String, detail: String)
    /// Any other failure of libcurl, with its code.
    case transportFailed(server: String, curlCode: Int, detail: String)

    /// What the dispatcher should do with the message.
    package enum Disposition: Sendable, Equatable {
        /// Try the same message again later, with backoff.
        case retryLater
        /// Give up on this message and record the failure for the coordinator.
        case permanent
        /// Stop sending and alert an operator: no message can go until the settings or the server are fixed.
        case needsOperator
    }

    package var disposition: Disposition {
        switch self {
        case .connectionFailed, .timedOut, .deferred, .spoolFailed, .transportFailed: .retryLater
        case .rejected, .invalidAddress: .permanent
        case .tlsVerificationFailed, .tlsUnavailable, .authenticationFailed: .needsOperator
        }
    }

    /// Whether trying again later may succeed without anyone changing anything.
    package var isTransient: Bool { disposition == .retryLater }

    package var description: String {
        switch self {
        case .connectionFailed(let server, let detail):
            "could not reach the mail server \(server) (\(detail)); will retry"
        case .timedOut(let server):
            "the mail server \(server) did not answer in time; will retry"
        case .deferred(let server, let code):
            "the mail server \(server) answered \(code): temporarily unable to accept the message; will retry"
        case .rejected(let server, let code):
            "the mail server \(server) answered \(code): it refused the message or a recipient"
        case .invalidAddress(let address):
            "\"\(address)\" is not a valid email address"
        case .tlsVerificationFailed(let server, let detail):
            "the certificate of the mail server \(server) could not be verified (\(detail)); check CDOP_SMTP_CA_FILE"
        case .tlsUnavailable(let server, let detail):
            "could not set up TLS with the mail server \(server) (\(detail))"
        case .authenticationFailed(let server, let code):
            "the mail server \(server) refused the login (reply \(code)); check CDOP_SMTP_USER and CDOP_SMTP_PASSWORD"
        case .spoolFailed(let path, let detail):
            "could not write the mail spool file \(path) (\(detail))"
        case .transportFailed(let server, let code, let detail):
            "sending to the mail server \(server) failed (libcurl error \(code): \(detail))"
        }
    }
}

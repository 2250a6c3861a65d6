/// Classifies a failed libcurl SMTP transfer from its libcurl code and the last SMTP reply code.
///
/// libcurl reports a refused MAIL, RCPT or DATA as a send error (55), so the SMTP reply code decides first
/// between "later" (4xx) and "never" (5xx); TLS and login failures have their own codes.
package enum SMTPFailure {
    package static func classify(curlCode: Int, replyCode: Int, server: String, detail: String) -> MailTransportError {
        switch curlCode {
        case 67, 94: // CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR
            return .authenticationFailed(server: server, replyCode: replyCode)
        case 58, 60, 77, 83, 90, 91: // certificate problem, peer verification, CA file, issuer, pinning, OCSP
            return .tlsVerificationFailed(server: server, detail: detail)
        case 35, 59, 64: // TLS handshake, cipher, STARTTLS not offered (CURLE_USE_SSL_FAILED)
            return .tlsUnavailable(server: server, detail: detail)
        default:
            break
        }
        switch replyCode {
        case 530: // authentication required: a configuration problem, not this message's
            return .authenticationFailed(server: server, replyCode: replyCode)
        case 400...499:
            return .deferred(server: server, replyCode: replyCode)
        case 500...599:
            return .rejected(server: server, replyCode: replyCode)
        default:
            break
        }
        switch curlCode {
        case 5, 6, 7: // could not resolve proxy or host, could not connect
            return .connectionFailed(server: server, detail: detail)
        case 28: // CURLE_OPERATION_TIMEDOUT
            return .timedOut(server: server)
        case 52, 55, 56: // got nothing, send error, receive error (without a reply code: the connection broke)
            return .connectionFailed(server: server, detail: detail)
        default:
            return .transportFailed(server: server, curlCode: curlCode, detail: detail)
        }
    }
}

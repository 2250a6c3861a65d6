import CCurl
import Foundation

/// One connection to the SMTP server, reused for every message sent through it.
///
/// libcurl keeps the connection of an easy handle open between transfers, so the messages of a batch share
/// one TCP connection, one TLS handshake and one login. Every libcurl call runs on the session's own serial
/// dispatch queue, never on Swift's cooperative thread pool, and sends through one session run one at a time.
/// If the server drops the connection in between, libcurl opens a new one for the next message.
package final class SMTPSession: Sendable {
    package let settings: SMTPSettings
    private let queue: DispatchQueue
    private let state = QueueConfined()

    /// State only touched on `queue`.
    private final class QueueConfined: @unchecked Sendable {
        var handle: CurlEasyHandle?
    }

    package init(settings: SMTPSettings) {
        self.settings = settings
        queue = DispatchQueue(label: "cdop.mail.smtp-session")
    }

    deinit {
        let state = self.state
        queue.async { state.handle = nil }
    }

    /// Sends one message over the session's connection, opening it first if needed.
    package func send(
        _ message: RenderedMail, envelope: MailEnvelope
    ) async throws(MailTransportError) -> MailDeliveryReceipt {
        for address in [envelope.sender] + envelope.recipients {
            guard (try? MailAddress(address)) != nil else { throw .invalidAddress(address) }
        }
        guard !envelope.recipients.isEmpty else { throw .invalidAddress("(no recipient)") }
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<MailDeliveryReceipt, MailTransportError>, Never>) in
            queue.async { [self] in
                continuation.resume(returning: self.perform(message, envelope: envelope))
            }
        }
        return try result.get()
    }

    /// Says QUIT and closes the connection. A later `send` opens a new one.
    package func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { [state] in
                state.handle = nil
                continuation.resume()
            }
        }
    }

    // MARK: On the queue

    private func perform(_ message: RenderedMail, envelope: MailEnvelope) -> Result<
        MailDeliveryReceipt, MailTransportError
    > {
        let server = settings.url.server
        guard let handle = state.handle ?? makeHandle() else {
            return .failure(.transportFailed(server: server, curlCode: 2, detail: "libcurl could not start"))
        }
        state.handle = handle

        let source = UploadSource(message.data)
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in envelope.recipients {
            guard let appended = curl_slist_append(recipients, "<\(address)>") else {
                curl_slist_free_all(recipients)
                return .failure(.transportFailed(server: server, curlCode: 27, detail: "out of memory"))
            }
            recipients = appended
        }
        defer {
            handle.set(CURLOPT_MAIL_RCPT, list: nil)
            handle.set(CURLOPT_READDATA, pointer: nil)
            curl_slist_free_all(recipients)
        }
        handle.set(CURLOPT_MAIL_FROM, "<\(envelope.sender)>")
        handle.set(CURLOPT_MAIL_RCPT, list: recipients)
        handle.set(CURLOPT_INFILESIZE_LARGE, offset: Int64(source.count))
        let code = withExtendedLifetime(source) {
            handle.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(source).toOpaque())
            return handle.perform()
        }
        let reply = handle.info(CURLINFO_RESPONSE_CODE)
        guard code == CURLE_OK else {
            let error = SMTPFailure.classify(
                curlCode: Int(code.rawValue), replyCode: reply, server: server, detail: handle.errorDetail(code))
            return .failure(error)
        }
        return .success(
            MailDeliveryReceipt(
                messageID: message.messageID, recipients: envelope.recipients,
                route: .smtp(server: server, replyCode: reply)))
    }

    private func makeHandle() -> CurlEasyHandle? {
        guard let handle = CurlEasyHandle() else { return nil }
        let s = settings
        // libcurl takes the EHLO name from the URL's path.
        handle.set(CURLOPT_URL, s.url.description + "/" + (s.clientName ?? ""))
        handle.set(CURLOPT_NOSIGNAL, 1)
        handle.set(CURLOPT_UPLOAD, 1)
        handle.set(CURLOPT_READFUNCTION, readFunction: uploadRead)
        handle.set(CURLOPT_USE_SSL, Int(s.startTLS == .required ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
        handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = s.caFile { handle.set(CURLOPT_CAINFO, caFile) }
        if let credentials = s.credentials {
            handle.set(CURLOPT_USERNAME, credentials.user)
            handle.set(CURLOPT_PASSWORD, credentials.password)
        }
        handle.set(CURLOPT_CONNECTTIMEOUT_MS, s.connectTimeout.milliseconds)
        handle.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, s.responseTimeout.milliseconds / 1000))
        handle.set(CURLOPT_TIMEOUT_MS, s.transferTimeout.milliseconds)
        return handle
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

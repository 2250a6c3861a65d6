import CDOPPrimitives
import Foundation

/// Renders a `MailMessage` to RFC 5322 / MIME bytes. A pure function: the same message gives the same bytes.
///
/// Layout: `multipart/mixed` holding the body and the attachments (when there are any), the body being a
/// `multipart/alternative` of text/plain, text/html and text/calendar (when there is more than one of them).
/// Texts are UTF-8 quoted-printable, attachments and calendars base64. Boundaries are derived from the
/// Message-ID and start with `=_`, which neither quoted-printable nor base64 output can contain.
package enum MIMERenderer {
    package static func render(_ message: MailMessage) throws(MailRenderError) -> RenderedMail {
        guard !(message.to.isEmpty && message.cc.isEmpty) else { throw .noRecipients }
        guard !message.subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .headerHasControlCharacter(field: "subject") }

        var headers: [String] = ["Date: \(RFC5322Date.format(message.date))"]
        headers += HeaderField.addresses(name: "From", [message.from])
        if !message.to.isEmpty { headers += HeaderField.addresses(name: "To", message.to) }
        if !message.cc.isEmpty { headers += HeaderField.addresses(name: "Cc", message.cc) }
        if let replyTo = message.replyTo { headers += HeaderField.addresses(name: "Reply-To", [replyTo]) }
        headers += HeaderField.unstructured(name: "Subject", value: message.subject)
        headers.append("Message-ID: \(message.messageID.bracketed)")
        headers.append("MIME-Version: 1.0")
        if message.autoSubmitted { headers.append("Auto-Submitted: auto-generated") }

        var root = try content(of: message)
        root.headers = headers + root.headers
        var lines = root.lines()
        // A single-part message ends with the body; the CRLF that ends the message also ends its last line.
        if case .lines = root.body, lines.count > root.headers.count + 1, lines.last == "" { lines.removeLast() }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return RenderedMail(messageID: message.messageID, data: Data(text.utf8))
    }

    private static func content(of message: MailMessage) throws(MailRenderError) -> MIMEPart {
        var alternatives = [textPart(subtype: "plain", message.textBody)]
        if let html = message.htmlBody { alternatives.append(textPart(subtype: "html", html)) }
        var attachments: [MIMEPart] = []
        for attachment in message.attachments { attachments.append(try attachmentPart(attachment)) }
        if let calendar = message.calendar {
            let data = Data(calendar.content.utf8)
            alternatives.append(
                MIMEPart(
                    headers: [
                        "Content-Type: text/calendar; charset=UTF-8; method=\(calendar.method.rawValue)",
                        "Content-Transfer-Encoding: base64",
                    ],
                    body: .lines(Base64Lines.encode(data))))
            attachments.append(
                try attachmentPart(MailAttachment(filename: "invite.ics", contentType: "application/ics", data: data)))
        }
        let seed = FNV1a.hex(message.messageID.value)
        let body =
            alternatives.count == 1
            ? alternatives[0]
            : multipart("alternative", boundary: "=_cdop_alt_\(seed)", alternatives)
        return attachments.isEmpty ? body : multipart("mixed", boundary: "=_cdop_mix_\(seed)", [body] + attachments)
    }

    private static func multipart(_ subtype: String, boundary: String, _ parts: [MIMEPart]) -> MIMEPart {
        MIMEPart(
            headers: ["Content-Type: multipart/\(subtype); boundary=\"\(boundary)\""],
            body: .multipart(boundary: boundary, parts: parts))
    }

    private static func textPart(subtype: String, _ text: String) -> MIMEPart {
        MIMEPart(
            headers: ["Content-Type: text/\(subtype); charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"],
            body: .lines(QuotedPrintable.encode(text)))
    }

    private static func attachmentPart(_ attachment: MailAttachment) throws(MailRenderError) -> MIMEPart {
        let name = attachment.filename
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .invalidAttachmentFilename(name) }
        guard isContentType(attachment.contentType) else { throw .invalidContentType(attachment.contentType) }
        let headers =
            HeaderField.fold(
                name: "Content-Type",
                tokens: ["\(attachment.contentType.lowercased());"] + MIMEParameter.tokens(name: "name", value: name))
            + HeaderField.fold(
                name: "Content-Disposition",
                tokens: ["attachment;"] + MIMEParameter.tokens(name: "filename", value: name))
            + ["Content-Transfer-Encoding: base64"]
        return MIMEPart(headers: headers, body: .lines(Base64Lines.encode(attachment.data)))
    }

    private static let tokenCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~".utf8)

    private static func isContentType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { tokenCharacters.contains($0) } }
    }
}

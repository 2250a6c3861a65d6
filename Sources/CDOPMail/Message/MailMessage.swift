import Foundation

/// One email as cdop means it: who, what, when; rendered to RFC 5322 / MIME bytes by `MIMERenderer`.
package struct MailMessage: Sendable, Hashable {
    package var from: MailAddress
    package var to: [MailAddress]
    package var cc: [MailAddress]
    package var replyTo: MailAddress?
    package var subject: String
    /// The `Date:` header. Given, never read from a clock, so that rendering is a pure function.
    package var date: Date
    package var messageID: MessageID
    /// The plain-text body; line endings of any kind are sent as CRLF.
    package var textBody: String
    /// The HTML alternative of the body, if any.
    package var htmlBody: String?
    package var attachments: [MailAttachment]
    /// A meeting invitation or cancellation, if any.
    package var calendar: CalendarPart?
    /// Marks the mail `Auto-Submitted: auto-generated` (RFC 3834) so that out-of-office replies skip it.
    package var autoSubmitted: Bool

    package init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil,
        subject: String, date: Date, messageID: MessageID, textBody: String, htmlBody: String? = nil,
        attachments: [MailAttachment] = [], calendar: CalendarPart? = nil, autoSubmitted: Bool = true
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.calendar = calendar
        self.autoSubmitted = autoSubmitted
    }
}

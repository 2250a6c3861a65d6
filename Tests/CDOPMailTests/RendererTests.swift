import CDOPMail
import Foundation
import Testing

@Suite("Rendering a message to RFC 5322 / MIME bytes")
struct RendererTests {
    let message = Fixtures.formBRequest(attachments: [
        MailAttachment(
            filename: "Form B guidance – Łódź.pdf", contentType: "application/pdf",
            data: Data((0..<3000).map { UInt8($0 % 251) }))
    ])

    @Test("Every line ends in CRLF and no bare CR or LF appears anywhere")
    func crlfOnly() throws {
        let data = try MIMERenderer.render(message).data
        let bytes = [UInt8](data)
        #expect(bytes.suffix(2) == [13, 10])
        for (i, byte) in bytes.enumerated() {
            if byte == 10 { #expect(i > 0 && bytes[i - 1] == 13, "bare LF at \(i)") }
            if byte == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "bare CR at \(i)") }
        }
    }

    @Test("No line exceeds 998 octets, even with a 5,000-character line in the body and a long subject")
    func lineLengths() throws {
        var long = message
        long.textBody = String(repeating: "x", count: 5000) + "\n" + String(repeating: "é ", count: 2500)
        long.htmlBody = "<p>" + String(repeating: "Ł", count: 5000) + "</p>"
        long.subject = String(repeating: "Reminder ", count: 120) + String(repeating: "y", count: 1200)
        let data = try MIMERenderer.render(long).data
        let lines = MailText.lines(data)
        #expect(lines.allSatisfy { $0.count <= 998 })
        // Encoded bodies keep to quoted-printable's own limit of 76 characters.
        #expect(lines.allSatisfy { $0.count <= 78 }, "longest: \(lines.map(\.count).max() ?? 0)")
        #expect(data.allSatisfy { $0 < 128 }, "the rendered message is 7-bit clean")
    }

    @Test("The message carries Date, From, To, Reply-To, Subject, Message-ID and MIME-Version")
    func requiredHeaders() throws {
        let headers = MailText.headers(try MIMERenderer.render(message).data)
        let names = headers.map(\.0)
        for name in ["Date", "From", "To", "Reply-To", "Subject", "Message-ID", "MIME-Version", "Content-Type"] {
            #expect(names.filter { $0 == name }.count == 1, "\(name) appears once")
        }
        let value = Dictionary(headers, uniquingKeysWith: { a, _ in a })
        #expect(value["Date"] == "Fri, 23 Oct 2026 09:30:00 +0000")
        #expect(value["Message-ID"] == "<event-1-0b6c3c4e@cdop.example.org>")
        #expect(value["MIME-Version"] == "1.0")
        #expect(value["From"] == "CDOP Coordinator <coordinator@cdop.example.org>")
        #expect(value["Auto-Submitted"] == "auto-generated")
    }

    @Test("The date header is the given instant in RFC 5322 form, whatever the year or weekday")
    func dateHeader() {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 0)) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_798_761_599.9)) == "Thu, 31 Dec 2026 23:59:59 +0000")
    }

    @Test("Rendering is a pure function: the same message gives the same bytes")
    func deterministic() throws {
        let first = try MIMERenderer.render(message)
        let second = try MIMERenderer.render(message)
        #expect(first == second)
        var other = message
        other.messageID = Fixtures.messageID(2)
        let third = try MIMERenderer.render(other)
        let boundary = { (data: Data) in
            MailText.headers(data).first { $0.0 == "Content-Type" }?.1 ?? ""
        }
        #expect(boundary(first.data).contains("boundary=\"=_cdop_mix_"))
        #expect(boundary(first.data) != boundary(third.data), "boundaries follow the Message-ID")
    }

    @Test("Display names and subjects outside ASCII are encoded-words that decode to the same text")
    func encodedWordsRoundTrip() async throws {
        try await withTemporaryDirectory { directory in
            var m = message
            m.subject =
                "Réunion du panel – Zoë, Łukasz, Siobhán: 23 octobre 2026 — " + String(repeating: "ü", count: 80)
            m.cc = [Fixtures.address("chair@cdop.example.org", "Dr \"Jo\" O'Brien, Chair")]
            let data = try MIMERenderer.render(m).data
            let headerLines = MailText.lines(data).prefix { !$0.isEmpty }
            #expect(headerLines.allSatisfy { $0.count <= 78 }, "headers are folded")
            #expect(String(decoding: data, as: UTF8.self).contains("=?UTF-8?B?"))

            let parsed = try await PythonCheck.parseMail(data, in: directory)
            #expect(parsed.defects == [])
            #expect(parsed.subject == m.subject)
            #expect(parsed.to == m.to.map { .init(name: $0.displayName ?? "", address: $0.address) })
            #expect(parsed.cc == [.init(name: "Dr \"Jo\" O'Brien, Chair", address: "chair@cdop.example.org")])
            #expect(parsed.replyTo == [.init(name: "CDOP Team", address: "cdop.team@cdop.example.org")])
            #expect(parsed.from == [.init(name: "CDOP Coordinator", address: "coordinator@cdop.example.org")])
        }
    }

    @Test("A subject holding a line break is refused, so no header can be injected")
    func headerInjection() {
        var m = message
        m.subject = "Reminder\r\nBcc: someone@example.org"
        #expect(throws: MailRenderError.headerHasControlCharacter(field: "subject")) { try MIMERenderer.render(m) }
    }

    @Test("A message without recipients or with an unusable attachment is refused")
    func refusals() {
        var none = message
        none.to = []
        #expect(throws: MailRenderError.noRecipients) { try MIMERenderer.render(none) }
        var badName = message
        badName.attachments = [MailAttachment(filename: "../etc/passwd", contentType: "text/plain", data: Data())]
        #expect(throws: MailRenderError.invalidAttachmentFilename("../etc/passwd")) { try MIMERenderer.render(badName) }
        var badType = message
        badType.attachments = [MailAttachment(filename: "a.pdf", contentType: "pdf", data: Data())]
        #expect(throws: MailRenderError.invalidContentType("pdf")) { try MIMERenderer.render(badType) }
    }

    @Test("The structure is mixed(alternative(plain, html), attachment) and Python reads every part back exactly")
    func structureAndBodies() async throws {
        try await withTemporaryDirectory { directory in
            let data = try MIMERenderer.render(message).data
            let dump = try directory.subdirectory("attachments")
            let file = directory.file("m.eml")
            try data.write(to: file)
            let parsed = try await PythonCheck.parseMail([file], dumpDirectory: dump, in: directory)[0]
            #expect(parsed.defects == [])
            #expect(
                parsed.structure == [
                    "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf",
                ])
            #expect(parsed.text == message.textBody)
            #expect(parsed.html == message.htmlBody)
            #expect(parsed.attachments.count == 1)
            #expect(parsed.attachments.first?.filename == "Form B guidance – Łódź.pdf")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: try #require(parsed.attachments.first?.dumped)))
            #expect(bytes == message.attachments[0].data)
        }
    }

    @Test("A plain-text-only message is a single text/plain part")
    func singlePart() async throws {
        try await withTemporaryDirectory { directory in
            var m = message
            m.htmlBody = nil
            m.attachments = []
            let parsed = try await PythonCheck.parseMail(try MIMERenderer.render(m).data, in: directory)
            #expect(parsed.structure == ["text/plain"])
            #expect(parsed.text == m.textBody)
            #expect(parsed.defects == [])
        }
    }
}

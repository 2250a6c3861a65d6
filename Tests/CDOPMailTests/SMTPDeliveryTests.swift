import CDOPMail
import Foundation
import Testing

@Suite("SMTP delivery to a real aiosmtpd")
struct SMTPDeliveryTests {
    @Test("Plain SMTP on loopback delivers every header and body intact, and Python reads it without a defect")
    func plainSMTP() async throws {
        try await withSMTPServer { server, directory in
            let message = Fixtures.formBRequest()
            let receipt = try await deliver(message, via: SMTPTransport(settings: server.settings())).get()
            #expect(receipt.route == .smtp(server: "127.0.0.1:\(server.port)", replyCode: 250))
            #expect(receipt.messageID == message.messageID)

            let events = try server.events().filter { $0.event == "message" }
            #expect(events.count == 1)
            #expect(events.first?.mailFrom == message.from.address)
            #expect(events.first?.rcptTos == message.to.map(\.address))
            #expect(events.first?.tls == false)
            #expect(events.first?.ehlo == "cdop.example.org", "EHLO names the configured client")

            let files = try server.receivedFiles()
            let received = try Data(contentsOf: files[0])
            #expect(received == (try MIMERenderer.render(message).data), "the server got exactly the rendered bytes")
            let parsed = try await PythonCheck.parseMail(files, in: directory)[0]
            #expect(parsed.defects == [])
            #expect(parsed.subject == message.subject)
            #expect(parsed.from == [.init(name: "CDOP Coordinator", address: "coordinator@cdop.example.org")])
            #expect(parsed.to.map(\.name) == ["Zoë Adeyemi", "Łukasz Nowak", "Siobhán Ní Bhriain"])
            #expect(parsed.messageId == message.messageID.bracketed)
            #expect(parsed.dateUtc == "2026-10-23T09:30:00Z")
            #expect(parsed.mimeVersion == "1.0")
            #expect(parsed.text == Fixtures.textBody)
            #expect(parsed.html == Fixtures.htmlBody)
            #expect(parsed.maxLineOctets <= 998)
            #expect(parsed.bareLineEndings == 0)
        }
    }

    @Test("A 1 MB attachment, a 5,000-character line and non-ASCII names survive the round trip byte for byte")
    func largeRoundTrip() async throws {
        try await withSMTPServer { server, directory in
            var generator = SplitMix64(seed: 0xC0D0_2026)
            let megabyte = Data((0..<1_048_576).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            let pdf = Data("%PDF-1.4\n".utf8) + Data(repeating: 0x25, count: 4000)
            var message = Fixtures.formBRequest(attachments: [
                MailAttachment(
                    filename: "post-mortem-summary.bin", contentType: "application/octet-stream", data: megabyte),
                MailAttachment(filename: "Siobhán's notes – Łódź.pdf", contentType: "application/pdf", data: pdf),
            ])
            message.textBody = "Start\n" + String(repeating: "0123456789", count: 500) + "\n" + Fixtures.textBody
            _ = try await deliver(message, via: SMTPTransport(settings: server.settings())).get()

            let dump = try directory.subdirectory("decoded")
            let parsed = try await PythonCheck.parseMail(
                try server.receivedFiles(), dumpDirectory: dump, in: directory)[0]
            #expect(parsed.defects == [])
            #expect(parsed.text == message.textBody)
            #expect(parsed.attachments.map(\.filename) == ["post-mortem-summary.bin", "Siobhán's notes – Łódź.pdf"])
            #expect(parsed.attachments.map(\.transferEncoding) == ["base64", "base64"])
            let decoded = try parsed.attachments.map {
                try Data(contentsOf: URL(fileURLWithPath: try #require($0.dumped)))
            }
            #expect(decoded == [megabyte, pdf])
            #expect(parsed.maxLineOctets <= 998)
        }
    }

    @Test("An invitation sent by SMTP arrives with both calendar parts readable by icalendar")
    func invitationOverSMTP() async throws {
        try await withSMTPServer { server, directory in
            var message = Fixtures.formBRequest()
            message.calendar = try Fixtures.rapidResponseMeeting(sequence: 1).calendarPart()
            _ = try await deliver(message, via: SMTPTransport(settings: server.settings())).get()
            let parsed = try await PythonCheck.parseMail(try server.receivedFiles(), in: directory)[0]
            #expect(parsed.defects == [])
            #expect(parsed.calendars.count == 2)
            #expect(parsed.calendars.allSatisfy { $0.ics.events.first?.dtstartUtc == "2026-10-23T13:00:00Z" })
            #expect(parsed.calendars.allSatisfy { $0.ics.events.first?.sequence == 1 })
        }
    }

    @Test("N messages over one session arrive over one connection, each with its own envelope")
    func connectionReuse() async throws {
        try await withSMTPServer { server, directory in
            let session = SMTPSession(settings: try server.settings())
            let messages = (1...5).map {
                Fixtures.formBRequest(id: $0, to: [[Fixtures.zoe, Fixtures.lukasz, Fixtures.siobhan][$0 % 3]])
            }
            for message in messages {
                _ = try await session.send(try MIMERenderer.render(message), envelope: MailEnvelope(for: message))
            }
            await session.close()
            let events = try server.events()
            #expect(events.filter { $0.event == "connect" }.count == 1)
            let delivered = events.filter { $0.event == "message" }
            #expect(delivered.count == 5)
            #expect(Set(delivered.map(\.connection)) == [1])
            #expect(delivered.map { $0.rcptTos ?? [] } == messages.map { $0.to.map(\.address) })
            let parsed = try await PythonCheck.parseMail(try server.receivedFiles(), in: directory)
            #expect(parsed.map(\.messageId) == messages.map(\.messageID.bracketed))
        }
    }

    @Test("A batch shares one connection and reports each message's outcome, a refusal not stopping the rest")
    func batch() async throws {
        try await withSMTPServer(.init(replies: ["RCPT:550:1"])) { server, _ in
            let messages = (1...3).map { Fixtures.formBRequest(id: $0, to: [Fixtures.zoe]) }
            let results = await SMTPTransport(settings: try server.settings()).send(
                batch: try messages.map { (try MIMERenderer.render($0), MailEnvelope(for: $0)) })
            #expect(results.count == 3)
            #expect(results[0].failure == .rejected(server: "127.0.0.1:\(server.port)", replyCode: 550))
            #expect(results[1].failure == nil)
            #expect(results[2].failure == nil)
            #expect(try server.receivedFiles().count == 2)
            // libcurl drops a connection whose transfer failed; the two messages after it share a new one.
            let delivered = try server.events().filter { $0.event == "message" }
            #expect(try server.events().filter { $0.event == "connect" }.count == 2)
            #expect(delivered.map(\.connection) == [2, 2])
        }
    }
}

/// A small deterministic generator for test data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

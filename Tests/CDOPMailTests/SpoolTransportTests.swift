import CDOPMail
import Foundation
import Testing

@Suite("Spool transport (.eml files)")
struct SpoolTransportTests {
    @Test("Each message becomes a parseable .eml named after its Message-ID")
    func writesParseableFiles() async throws {
        try await withTemporaryDirectory { directory in
            let spool = directory.url.appendingPathComponent("outbox/nested").path
            let transport = SpoolTransport(directory: spool)
            var files: [URL] = []
            for id in 1...3 {
                let message = Fixtures.formBRequest(id: id)
                let receipt = try await transport.send(
                    try MIMERenderer.render(message), envelope: MailEnvelope(for: message))
                guard case .spool(let file) = receipt.route else {
                    Issue.record("expected a spool receipt")
                    return
                }
                #expect(file.hasSuffix("/event-\(id)-0b6c3c4e@cdop.example.org.eml"))
                #expect(receipt.recipients == Fixtures.formBRequest().to.map(\.address))
                files.append(URL(fileURLWithPath: file))
            }
            let listing = try FileManager.default.contentsOfDirectory(atPath: spool).sorted()
            #expect(listing == files.map(\.lastPathComponent).sorted(), "no temporary file is left behind")
            let parsed = try await PythonCheck.parseMail(files, in: directory)
            #expect(parsed.allSatisfy { $0.defects.isEmpty })
            #expect(parsed.map(\.messageId) == (1...3).map { Fixtures.messageID($0).bracketed })
            #expect(parsed.allSatisfy { $0.text == Fixtures.textBody })
        }
    }

    @Test("Sending the same Message-ID again replaces the same file: one file per message")
    func idempotent() async throws {
        try await withTemporaryDirectory { directory in
            let transport = SpoolTransport(directory: directory.path)
            var message = Fixtures.formBRequest(id: 7)
            _ = try await transport.send(try MIMERenderer.render(message), envelope: MailEnvelope(for: message))
            message.subject = "Resent after a crash"
            _ = try await transport.send(try MIMERenderer.render(message), envelope: MailEnvelope(for: message))
            let listing = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(listing == ["event-7-0b6c3c4e@cdop.example.org.eml"])
            let parsed = try await PythonCheck.parseMail([directory.file(listing[0])], in: directory)
            #expect(parsed.first?.subject == "Resent after a crash")
        }
    }

    @Test("Message-IDs with characters unsafe in file names still get distinct, stable names")
    func unsafeNames() throws {
        let a = try MessageID("a/b@example.org")
        let b = try MessageID("a?b@example.org")
        let nameA = SpoolTransport.fileName(for: a)
        #expect(nameA == SpoolTransport.fileName(for: a))
        #expect(nameA != SpoolTransport.fileName(for: b))
        #expect(!nameA.contains("/"))
        #expect(nameA.hasSuffix(".eml"))
    }

    @Test("A spool directory that cannot be written gives a transient spool error naming the path")
    func unwritable() async throws {
        try await withTemporaryDirectory { directory in
            let blocker = directory.file("not-a-directory")
            try Data("x".utf8).write(to: blocker)
            let transport = SpoolTransport(directory: blocker.path)
            let message = Fixtures.formBRequest()
            let rendered = try MIMERenderer.render(message)
            do throws(MailTransportError) {
                _ = try await transport.send(rendered, envelope: MailEnvelope(for: message))
                Issue.record("the write succeeded")
            } catch {
                guard case .spoolFailed(let path, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(path.hasPrefix(blocker.path))
                #expect(error.isTransient)
            }
        }
    }
}

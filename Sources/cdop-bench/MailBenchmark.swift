import CDOPMail
import CDOPTesting
import Foundation

/// `cdop-bench mail`: messages per second to a local SMTP server (aiosmtpd, started here), one connection per
/// message (`mail.smtp`) and over one reused connection (`mail.smtp.reuse`), beside the same messages written
/// to the spool directory in the same run.
struct MailBenchmark {
    let folder: URL
    var messages = 300

    func run(progress: (String) -> Void) async throws -> [Figure] {
        let server = try await LocalSMTPServer.start(in: folder.appendingPathComponent("smtp"))
        defer { server.stop() }
        let rendered = try (0..<messages).map { index in
            try MIMERenderer.render(Self.message(index))
        }
        let envelope = MailEnvelope(for: try Self.message(0))

        progress("mail: \(messages) messages to the spool")
        let spool = SpoolTransport(directory: folder.appendingPathComponent("spool").path)
        let spoolRate = try await rate { for mail in rendered { _ = try await spool.send(mail, envelope: envelope) } }

        let settings = try SMTPSettings(
            url: SMTPServerURL("smtp://127.0.0.1:\(server.port)"), startTLS: .off, clientName: "cdop.example.org")
        progress("mail: \(messages) messages over SMTP, one connection each")
        let single = SMTPTransport(settings: settings)
        let singleRate = try await rate { for mail in rendered { _ = try await single.send(mail, envelope: envelope) } }

        progress("mail: \(messages) messages over SMTP, one reused connection")
        let session = SMTPSession(settings: settings)
        let reuseRate = try await rate { for mail in rendered { _ = try await session.send(mail, envelope: envelope) } }
        await session.close()

        return [
            Figure(
                name: "mail.smtp", value: singleRate, unit: "messages/s", baseline: spoolRate, better: .higher,
                baselineLabel: "the same messages to the spool", target: "(informative)"),
            Figure(
                name: "mail.smtp.reuse", value: reuseRate, unit: "messages/s", baseline: spoolRate, better: .higher,
                baselineLabel: "the same messages to the spool", target: "(informative)"),
        ]
    }

    private func rate(_ body: () async throws -> Void) async throws -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(messages) / (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// A Form B request of the usual size, to a synthetic agency.
    static func message(_ index: Int) throws -> MailMessage {
        try MailMessage(
            from: MailAddress("cdop@cdop.example.org", displayName: "North Central Example CDOP"),
            to: [MailAddress("lead\(index)@agency.example.org")],
            subject: "Form B requested for case CDOP-0000\(index)",
            date: Date(timeIntervalSince1970: 1_795_000_000),
            messageID: MessageID(eventID: UUID(), domain: "cdop.example.org"),
            textBody: String(repeating: "The panel asks your service to complete the Form B for this case. ", count: 20)
        )
    }
}

/// The aiosmtpd server of the tests (`Tests/Support/smtp/test_smtp_server.py`), started for the benchmark.
final class LocalSMTPServer {
    let port: Int
    private let process: ChildProcess

    private init(port: Int, process: ChildProcess) {
        self.port = port
        self.process = process
    }

    static func start(in directory: URL) async throws -> LocalSMTPServer {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = BuiltProducts.packageRoot.appendingPathComponent("Tests/Support/smtp/test_smtp_server.py").path
        let process = try ChildProcess(
            "/usr/bin/env",
            [
                "python3", "-u", script, "--maildir", directory.appendingPathComponent("maildir").path,
                "--events", directory.appendingPathComponent("events.jsonl").path,
            ])
        guard await process.waitForLines(atLeast: 1, timeout: .seconds(30), matching: { $0.hasPrefix("READY") }),
            let line = process.outputLines.first(where: { $0.hasPrefix("READY") }),
            let port = Int(line.split(separator: " ").last ?? "")
        else {
            throw CocoaError(
                .featureUnsupported,
                userInfo: [
                    NSLocalizedDescriptionKey:
                        "aiosmtpd did not start (run make deps): \(process.standardError) \(process.outputLines)"
                ])
        }
        return LocalSMTPServer(port: port, process: process)
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
    }
}

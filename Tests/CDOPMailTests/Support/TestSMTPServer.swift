import CDOPTesting
import Foundation

/// A real aiosmtpd (Tests/Support/smtp/test_smtp_server.py) running as a child process on a free loopback port,
/// storing what it accepts in a Maildir of the test's own directory.
final class TestSMTPServer: @unchecked Sendable {
    struct Options: Sendable {
        /// Require STARTTLS with this certificate (or, with `implicitTLS`, speak TLS from the start).
        var certificate: TestCertificate?
        var implicitTLS = false
        /// Require AUTH as `TestSMTPServer.user` / `TestSMTPServer.password`.
        var auth = false
        var authWithoutTLS = false
        /// Scripted refusals such as `"RCPT:451:1"` (STAGE:CODE[:N]).
        var replies: [String] = []
        /// Accept connections and never answer.
        var silent = false
    }

    static let user = "cdop-test"
    static let password = "s3cret-test"

    let port: Int
    let maildir: URL
    let eventsFile: URL
    private let process: ChildProcess

    private init(port: Int, maildir: URL, eventsFile: URL, process: ChildProcess) {
        self.port = port
        self.maildir = maildir
        self.eventsFile = eventsFile
        self.process = process
    }

    /// Starts the server and waits for its `READY <port>` line.
    static func start(_ options: Options = Options(), in directory: TemporaryDirectory) async throws -> TestSMTPServer {
        let maildir = directory.url.appendingPathComponent("maildir", isDirectory: true)
        let events = directory.file("smtp-events.jsonl")
        var arguments = [TestPaths.serverScript.path, "--maildir", maildir.path, "--events", events.path]
        if let certificate = options.certificate {
            arguments += ["--tls-cert", certificate.certificate.path, "--tls-key", certificate.key.path]
            if options.implicitTLS { arguments.append("--implicit-tls") }
        }
        if options.auth { arguments.append("--auth") }
        if options.authWithoutTLS { arguments.append("--auth-without-tls") }
        for reply in options.replies { arguments += ["--reply", reply] }
        if options.silent { arguments.append("--silent") }

        let (process, port) = try await ReadyLine.start(arguments, in: directory, name: "SMTP server")
        return TestSMTPServer(port: port, maildir: maildir, eventsFile: events, process: process)
    }

    /// Stops the server and waits until it has exited (SIGKILL if SIGTERM has not ended it within 5 seconds).
    func stop() async {
        await ReadyLine.stop(process)
    }

    /// `smtp://127.0.0.1:<port>` (or `smtps://` for implicit TLS).
    func url(scheme: String = "smtp") -> String { "\(scheme)://127.0.0.1:\(port)" }

    /// The files of the messages received, oldest first.
    func receivedFiles() throws -> [URL] {
        try events().compactMap { event in
            guard event.event == "message", let key = event.key else { return nil }
            return maildir.appendingPathComponent("new").appendingPathComponent(key)
        }
    }

    /// The events the server wrote: connections, messages, refusals.
    func events() throws -> [SMTPServerEvent] {
        guard FileManager.default.fileExists(atPath: eventsFile.path) else { return [] }
        let text = try String(contentsOf: eventsFile, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try snakeCaseDecoder.decode(SMTPServerEvent.self, from: Data($0.utf8))
        }
    }
}

/// One line of the server's events file.
struct SMTPServerEvent: Decodable, Sendable {
    var event: String
    var connection: Int
    var key: String?
    var mailFrom: String?
    var rcptTos: [String]?
    var tls: Bool?
    var authenticated: Bool?
    var ehlo: String?
    var stage: String?
    var code: Int?
}

/// Runs `body` against a fresh server in a fresh directory, then stops the server and removes the directory.
func withSMTPServer<T>(
    _ options: TestSMTPServer.Options = .init(), certificate: Bool = false,
    _ body: (TestSMTPServer, TemporaryDirectory) async throws -> T
) async throws -> T {
    try await withTemporaryDirectory("cdop-smtp") { directory in
        var options = options
        if certificate, options.certificate == nil {
            options.certificate = try await TestCertificate.make(in: directory)
        }
        let server = try await TestSMTPServer.start(options, in: directory)
        do {
            let result = try await body(server, directory)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

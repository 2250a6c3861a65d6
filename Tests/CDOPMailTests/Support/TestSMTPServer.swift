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
    private let process: Process
    private let exited: ExitSignal

    private init(port: Int, maildir: URL, eventsFile: URL, process: Process, exited: ExitSignal) {
        self.port = port
        self.maildir = maildir
        self.eventsFile = eventsFile
        self.process = process
        self.exited = exited
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

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u"] + arguments
        process.currentDirectoryURL = directory.url
        let stdout = Pipe()
        let stderrFile = directory.file("smtp-server.stderr")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle.nullDevice

        let ready = ReadySignal()
        let exited = ExitSignal()
        stdout.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            ready.received(data)
        }
        process.terminationHandler = { process in
            ready.fail("the SMTP server exited with status \(process.terminationStatus) before it was ready")
            exited.fire()
        }
        try process.run()
        do {
            let port = try await ready.wait(seconds: 30)
            return TestSMTPServer(port: port, maildir: maildir, eventsFile: events, process: process, exited: exited)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            await exited.wait()
            let log = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw ChildProcessError(description: "\(error): \(log)")
        }
    }

    /// Stops the server and waits until it has exited.
    func stop() async {
        if process.isRunning { process.terminate() }
        // SIGKILL if SIGTERM did not end it within 5 seconds.
        let pid = process.processIdentifier
        let exited = self.exited
        let killer = Task {
            try await Task.sleep(for: .seconds(5))
            if !exited.hasFired { kill(pid, SIGKILL) }
        }
        await exited.wait()
        killer.cancel()
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

/// Resumes one waiter when a `READY <port>` line arrives on the server's stdout, or when it fails.
private final class ReadySignal: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    private var outcome: Result<Int, ChildProcessError>?
    private var continuation: CheckedContinuation<Int, any Error>?

    func received(_ data: Data) {
        lock.lock()
        buffer += String(decoding: data, as: UTF8.self)
        if outcome == nil, let line = buffer.split(separator: "\n").first(where: { $0.hasPrefix("READY ") }),
            let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        {
            finish(.success(port))
        }
        lock.unlock()
    }

    func fail(_ reason: String) {
        lock.lock()
        if outcome == nil { finish(.failure(ChildProcessError(description: reason))) }
        lock.unlock()
    }

    /// Called with the lock held.
    private func finish(_ result: Result<Int, ChildProcessError>) {
        outcome = result
        if let continuation {
            self.continuation = nil
            continuation.resume(with: result.mapError { $0 as any Error })
        }
    }

    func wait(seconds: Double) async throws -> Int {
        let timeout = Task { [weak self] in
            try await Task.sleep(for: .seconds(seconds))
            self?.fail("the SMTP server did not print READY within \(seconds) s")
        }
        defer { timeout.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let outcome {
                continuation.resume(with: outcome.mapError { $0 as any Error })
            } else {
                self.continuation = continuation
            }
            lock.unlock()
        }
    }
}

/// Fires once when the process has exited; any number of waiters.
private final class ExitSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    var hasFired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return fired
    }

    func fire() {
        lock.lock()
        fired = true
        let waiting = waiters
        waiters = []
        lock.unlock()
        for waiter in waiting { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if fired {
                lock.unlock()
                continuation.resume()
            } else {
                waiters.append(continuation)
                lock.unlock()
            }
        }
    }
}

import CDOPApp
import CDOPDefinitions
import CDOPDemo
import CDOPDomain
import CDOPHTTP
import CDOPMail
import CDOPProjections
import CDOPStore
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceLifecycle

/// `cdop-bench http`: requests per second and p99 latency of the coordinator's dashboard and a practitioner's
/// form page at 50 concurrent connections (wrk), beside the same server's static stylesheet, on the demo panel.
struct HTTPBenchmark {
    let folder: URL
    let connections = 50
    let seconds = 5

    func run(progress: (String) -> Void) async throws -> [Figure] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            throw BenchError("wrk is not installed: run `make deps` (Debian package wrk).")
        }
        HeapRelease.limitArenas() // as `cdop serve` does
        var configuration = AppConfiguration()
        configuration.databasePath = folder.appendingPathComponent("http.sqlite").path
        configuration.definitionsPath =
            ProcessInfo.processInfo.environment["CDOP_DEFINITIONS"] ?? FileManager.default.currentDirectoryPath
        configuration.mail.delivery = .spool(directory: folder.appendingPathComponent("spool").path)
        configuration.httpPort = 0
        progress("loading the demo panel")
        _ = try await DemoDataSet.load(configuration: configuration)
        let definitions = try DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)).get()
        let engine = try Engine(configuration: configuration, schedules: DeclaredSchedules(definitions))
        let users = UserDirectory(engine: engine, bcryptCost: 4)
        let account = try users.addUser(
            username: "bench.coordinator", displayName: "Bench", email: "bench@example.org", roles: [.coordinator],
            areas: [],
            by: Actor(name: "bench", role: "admin"))
        // A generated password admits only the account page: set one, or the dashboard would answer a redirect.
        try users.changePassword(account.userID, old: account.initialPassword, new: "Bench-coordinator-password-2026")
        let sessions = SessionStore(store: engine.store)
        let session = try sessions.create(for: account.userID, now: Date())
        let token = try practitionerToken(engine)
        let unlimited = RateLimiter(capacity: 10_000_000, perMinute: 10_000_000)
        let services = WebServices(
            engine: engine, definitions: definitions, renderer: try await PageRenderer.load(), clock: SystemClock(),
            users: users,
            sessions: sessions, limits: RateLimits(notifications: unlimited, signIn: unlimited, links: unlimited))
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "cdop-bench")
        logger.logLevel = .error
        let application = WebServer.application(
            services, templates: definitions.templates, logger: logger, runLoops: false
        ) { port in portContinuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let server = Task { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw BenchError("the server did not start") }
        let base = "http://127.0.0.1:\(port)"
        let cookie = "cdop_session=\(session.token)"
        progress("static baseline")
        let statics = try await wrk("\(base)/static/cdop.css")
        progress("practitioner's form")
        let form = try await wrk("\(base)/forms/\(token)")
        progress("dashboard")
        let dashboard = try await wrk("\(base)/dashboard", cookie: cookie)
        // The server stops taking connections; the process ends once the figures are printed.
        await group.triggerGracefulShutdown()
        _ = server
        return [
            Figure(
                name: "http.dashboard", value: dashboard.rate, unit: "requests/s", baseline: statics.rate,
                better: .higher,
                baselineLabel: "static file, same server"),
            Figure(
                name: "http.dashboard.p99", value: dashboard.p99, unit: "ms", baseline: statics.p99, better: .lower,
                baselineLabel: "static file, same server"),
            Figure(
                name: "http.form", value: form.rate, unit: "requests/s", baseline: statics.rate, better: .higher,
                baselineLabel: "static file, same server"),
            Figure(
                name: "http.form.p99", value: form.p99, unit: "ms", baseline: statics.p99, better: .lower,
                baselineLabel: "static file, same server"),
        ]
    }

    /// The token of an outstanding request's current link.
    func practitionerToken(_ engine: Engine) throws -> String {
        let outstanding = try engine.sqliteStore!.read { db in
            try String.fetchOne(
                db, sql: "SELECT case_id || ' ' || request_id FROM form_requests WHERE outstanding = 1 LIMIT 1")
        }
        guard let pair = outstanding?.split(separator: " "), let caseID = CaseID(String(pair[0])),
            let requestID = FormRequestID(String(pair[1]))
        else { throw BenchError("the demo panel has no outstanding request") }
        let issued = try engine.workflow.caseState(caseID).links.filter { $0.requestID == requestID }.count
        return engine.workflow.links!.token(for: requestID, issue: max(1, issued))
    }

    struct Result {
        var rate: Double
        var p99: Double
    }

    /// Runs wrk against `url` on a thread of its own (waiting for it must not take one of the server's
    /// cooperative threads) and reads its requests per second and 99th-percentile latency (ms).
    func wrk(_ url: String, cookie: String? = nil) async throws -> Result {
        let outcome: Swift.Result<Result, any Error> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: .success(try runWrk(url, cookie: cookie)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }

    func runWrk(_ url: String, cookie: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments =
            ["-t2", "-c\(connections)", "-d\(seconds)s", "--timeout", "30s", "--latency"]
            + (cookie.map { ["-H", "Cookie: \($0)"] } ?? []) + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard !output.contains("Non-2xx"), !output.contains("Socket errors"),
            let rate = Self.number(after: "Requests/sec:", in: output), rate > 0,
            let p99 = Self.latency(after: "99%", in: output)
        else { throw BenchError("wrk failed or saw errors for \(url):\n\(output)") }
        return Result(rate: rate, p99: p99)
    }

    static func number(after label: String, in text: String) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        return Double(text[range.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
    }

    /// "99%   12.34ms" (or us, s) in milliseconds.
    static func latency(after label: String, in text: String) -> Double? {
        guard
            let line = text.split(separator: "\n").first(where: {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(label)
            }),
            let value = line.split(whereSeparator: \.isWhitespace).last
        else { return nil }
        let text = String(value)
        for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * factor }
        }
        return nil
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

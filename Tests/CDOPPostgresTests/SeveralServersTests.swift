import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// Two `cdop serve` processes on one PostgreSQL database, as a hosted service runs them behind a load balancer:
/// whichever answers, a browser's session is the same session and a client's allowance the same allowance.
@Suite("Two cdop servers on one PostgreSQL database", .serialized)
struct SeveralServersTests {
    static let password = "Several-servers-2026"

    @Test("A session begun on one server works on the other, and signing out on either ends it on both")
    func sessionsWorkOnEitherServer() async throws {
        let panel = try SharedPanel()
        try await panel.withServers(2) { servers in
            let (first, second) = (servers[0], servers[1])

            let session = try first.signIn(username: "coordinator.one", password: Self.password)
            let dashboard = try RawHTTP.request(
                port: second.port, "GET", "/dashboard", headers: ["Cookie": "cdop_session=\(session)"])
            #expect(dashboard.status == 200, "the other server refused the session: \(dashboard.status)")
            let csrf = try #require(
                dashboard.body.firstMatch(of: /name="csrf" value="([A-Za-z0-9_-]+)"/)?.1, "no sign-out form")

            let signOut = try RawHTTP.request(
                port: second.port, "POST", "/sign-out",
                headers: [
                    "Cookie": "cdop_session=\(session)", "Content-Type": "application/x-www-form-urlencoded",
                ], body: "csrf=\(csrf)")
            #expect(signOut.status == 303)
            let after = try RawHTTP.request(
                port: first.port, "GET", "/dashboard", headers: ["Cookie": "cdop_session=\(session)"])
            #expect(after.status == 303 && after.header("location")?.hasPrefix("/sign-in") == true, "\(after.status)")
        }
    }

    @Test("Sign-in attempts from one address are counted once between the servers, not once per server")
    func signInLimitHoldsAcrossServers() async throws {
        let panel = try SharedPanel()
        try await panel.withServers(2) { servers in
            // The limit is ten attempts at once from an address; alternating between two servers, each of which
            // would allow ten on its own, the eleventh attempt is refused.
            var statuses: [Int] = []
            for attempt in 0..<12 {
                let server = servers[attempt % 2]
                statuses.append(try server.attemptSignIn(username: "nobody.\(attempt)", password: "wrong-\(attempt)"))
            }
            #expect(Array(statuses.prefix(10)) == Array(repeating: 422, count: 10), "\(statuses)")
            #expect(Array(statuses.suffix(2)) == [429, 429], "\(statuses)")
        }
    }

    @Test("A run of failed sign-ins for one username is one run, whichever server each failure reached")
    func signInThrottleHoldsAcrossServers() async throws {
        let panel = try SharedPanel()
        try await panel.withServers(2) { servers in
            // Three failures are answered at once; after them the account is held back from this address, so the
            // right password is refused too, on the server that saw no failure of its own.
            for attempt in 0..<3 {
                let status = try servers[attempt % 2].attemptSignIn(username: "coordinator.one", password: "wrong")
                #expect(status == 422)
            }
            let held = try servers[1].signInAnswer(username: "coordinator.one", password: Self.password)
            #expect(held.status == 422 && held.cookie("cdop_session") == nil, "signed in while held back")
        }
    }
}

extension SeveralServersTests {
    @Test("Two servers ticking and sending a month's reminders together fire each timer once and send each email once")
    func serversShareTheTimersAndTheMail() async throws {
        let panel = try SharedPanel()
        // Requests made a month ago, never sent: their emails wait, and their reminders and escalations are due.
        let requested = try panel.seedRequests(cases: 10, daysAgo: 30)
        #expect(requested == 40)
        try await panel.withServers(2) { servers in
            let settled = try await Eventually.holds(within: .seconds(180), poll: .milliseconds(250)) {
                let (due, pending) = try panel.engine.store.snapshot { db in
                    (
                        try TimerQueries.due(at: Date(), limit: 1, in: db).count,
                        try OutboxQueries.list(state: "pending", in: db).count
                    )
                }
                return due == 0 && pending == 0
            }
            #expect(settled, "timers still due or emails still waiting after three minutes")
        }
        let sent = try panel.engine.store.snapshot { db in try OutboxQueries.list(state: "sent", in: db).count }
        let spooled = (0..<2).flatMap { index in
            ((try? FileManager.default.contentsOfDirectory(atPath: panel.folder.path("spool-\(index)"))) ?? [])
                .filter { !$0.hasPrefix(".") }
        }
        #expect(sent > requested, "the reminders' emails went too: \(sent)")
        #expect(spooled.count == sent, "\(spooled.count) files for \(sent) emails sent")
        #expect(Set(spooled).count == spooled.count, "an email went from both servers")
        var reached: [String: Int] = [:]
        try panel.engine.store.forEachBatch { batch in
            for event in batch where event.type == "case.scheduleStepReached.v1" {
                reached[event.streamID + String(decoding: event.data, as: UTF8.self), default: 0] += 1
            }
            return true
        }
        #expect(!reached.isEmpty && reached.values.allSatisfy { $0 == 1 }, "a step was reached twice")
    }
}

/// A panel on a new PostgreSQL database, with one coordinator whose password is set, that servers open.
struct SharedPanel {
    let folder = TemporaryDirectory("cdop-servers")
    let configuration: AppConfiguration
    let engine: Engine

    init() throws {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.definitionsPath = BuiltProducts.packageRoot.path
        try StorageEngine.postgres.prepare(&configuration)
        self.configuration = configuration
        engine = try Engine(configuration: configuration, schedules: try DeclaredSchedules.load(configuration))
        let users = UserDirectory(engine: engine, bcryptCost: 4)
        let account = try users.addUser(
            username: "coordinator.one", displayName: "Coordinator One", email: "one@cdop.example.org",
            roles: [.coordinator], areas: [], by: Actor(name: "setup", role: "admin"))
        try users.changePassword(account.userID, old: account.initialPassword, new: SeveralServersTests.password)
    }

    /// `cases` cases notified `daysAgo` days ago, each with Form B requested from four agencies then: the number
    /// of requests.
    func seedRequests(cases: Int, daysAgo: Int) throws -> Int {
        let clock = ManualClock(Date().addingTimeInterval(-Double(daysAgo) * 86_400))
        let past = try Engine(
            configuration: configuration, clock: clock, schedules: try DeclaredSchedules.load(configuration))
        let cases = try SyntheticPanel.casesWithFormRequests(
            on: past, today: LondonTime.day(of: clock.now()), cases: cases, seed: 5)
        return cases.count * 4
    }

    /// Runs `body` with `count` servers on the panel, each on a free port with a spool of its own, ticking every
    /// second; stops them afterwards.
    func withServers(_ count: Int, _ body: ([ServerProcess]) async throws -> Void) async throws {
        var servers: [ServerProcess] = []
        do {
            for index in 0..<count {
                servers.append(try await ServerProcess(panel: self, spool: folder.path("spool-\(index)")))
            }
            try await body(servers)
        } catch {
            for server in servers { await server.stop() }
            throw error
        }
        for server in servers { await server.stop() }
    }
}

/// One `cdop serve` child process.
struct ServerProcess: Sendable {
    let process: ChildProcess
    let port: Int

    init(panel: SharedPanel, spool: String) async throws {
        let environment = StorageEngine.environment(of: panel.configuration).merging([
            "CDOP_DEFINITIONS": BuiltProducts.packageRoot.path, "CDOP_HTTP_HOST": "127.0.0.1",
            "CDOP_HTTP_PORT": nil, "CDOP_SMTP_URL": nil, "CDOP_SPOOL_DIR": spool, "CDOP_TICK_SECONDS": "1",
            "CDOP_DEMO": "0", "CDOP_BCRYPT_COST": "4",
        ]) { $1 }
        process = try ChildProcess(
            BuiltProducts.executable("cdop"), ["serve", "--port", "0"], environment: environment,
            workingDirectory: panel.folder.url)
        let listening = await process.waitForLines(atLeast: 1, timeout: .seconds(120)) {
            $0.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:([0-9]+)/) != nil
        }
        let port = process.outputLines.lazy.compactMap { $0.firstMatch(of: /127\.0\.0\.1:([0-9]+)/)?.1 }.first
        guard listening, let port, let number = Int(port) else {
            let output = "stdout: \(process.standardOutput)\nstderr: \(process.standardError)"
            await process.kill()
            throw ServerFailedToStart(output: output)
        }
        self.port = number
    }

    struct ServerFailedToStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "cdop serve did not start:\n\(output)" }
    }

    /// The answer to a sign-in with the sign-in page's own form token.
    func signInAnswer(username: String, password: String) throws -> RawHTTP.Answer {
        let page = try RawHTTP.request(port: port, "GET", "/sign-in")
        guard let form = page.cookie("cdop_form") else { throw ServerFailedToStart(output: "no form cookie") }
        return try RawHTTP.request(
            port: port, "POST", "/sign-in",
            headers: ["Cookie": "cdop_form=\(form)", "Content-Type": "application/x-www-form-urlencoded"],
            body: "csrf=\(form)&username=\(username)&password=\(password)")
    }

    /// Signs in and returns the session's cookie value.
    func signIn(username: String, password: String) throws -> String {
        let answer = try signInAnswer(username: username, password: password)
        guard answer.status == 303, let session = answer.cookie("cdop_session") else {
            throw ServerFailedToStart(output: "sign-in answered \(answer.status): \(answer.body.prefix(2000))")
        }
        return session
    }

    /// The status of a sign-in attempt.
    func attemptSignIn(username: String, password: String) throws -> Int {
        try signInAnswer(username: username, password: password).status
    }

    /// Stops the server with SIGTERM and waits for it.
    func stop() async {
        await process.kill(SIGTERM)
        _ = await process.waitForExit(timeout: .seconds(10))
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// Five minutes at fifty connections (`CDOP_SOAK_SECONDS`, default 300) against the built server on the demo
/// panel, with wrk mixing the coordinator's dashboard and case pages, practitioners opening their form and saving
/// drafts through the API (from a thousand addresses, behind a trusted proxy): afterwards `cdop verify` is clean and
/// every case view, form opening and draft that was answered with success is recorded once (plus no more than the
/// requests cut off in flight at the end). The soak starts once the server is warm (6,000 requests answered): from there
/// to the end, at rest, the server's own memory (heap and stacks) grows by under a tenth of all it has resident.
/// In the timing pass (`make test`'s second run).
@Suite("Soak: the server under fifty connections", .serialized)
struct SoakTests {
    @Test(
        "Five minutes at fifty connections: verify clean, memory steady, every access and command recorded exactly once"
    )
    func fiveMinutesAtFiftyConnections() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            Issue.record("wrk is not installed: run `make deps`")
            return
        }
        let seconds = Int(ProcessInfo.processInfo.environment["CDOP_SOAK_SECONDS"] ?? "") ?? 300
        let cli = CLI(actor: "admin.setup")
        let demo = try await cli.loadDemo()
        try #require(demo.status == 0, "\(demo)")
        let panel = try SoakPanel(database: cli.database)

        let spool = cli.folder.path("outbox")
        let server = try await RunningServer(
            cli: cli, spool: spool, environment: ["CDOP_TRUSTED_PROXIES": "127.0.0.1", "CDOP_LOG_LEVEL": "error"])
        let pid = server.process.processIdentifier
        let port = try #require(URL(string: server.base)?.port)
        // Warming: the same mix until the server has answered 6,000 requests, however long this machine takes.
        // Its caches (SQLite's page caches, up to CDOP_DB_CACHE_KB per connection, and the folded states) fill
        // as the database grows; a slow machine fills them only minutes in, which a warm-up by time would count
        // as growth.
        let script = cli.write("soak.lua", panel.wrkScript())
        var warming = SoakCounts("")
        let warmingDeadline = ContinuousClock.now + .seconds(900)
        while warming.answered < 6_000 && ContinuousClock.now < warmingDeadline {
            let round = try ChildProcess(
                "/usr/bin/wrk", ["-t2", "-c50", "-d10s", "--timeout", "30s", "-s", script, server.base],
                workingDirectory: cli.folder.url)
            let status = await round.waitForExit(timeout: .seconds(60))
            try #require(status == 0, "wrk (warming): \(round.standardOutput)\n\(round.standardError)")
            warming = warming + SoakCounts(round.standardOutput)
        }
        let warm = try #require(MemorySample(of: pid), "no memory figures\n\(server.output)")
        print("Soak: warmed with \(warming): \(warm), \(heapFigures(port: port))")

        let load = try ChildProcess(
            "/usr/bin/wrk",
            ["-t2", "-c50", "-d\(seconds)s", "--timeout", "30s", "-s", script, server.base],
            workingDirectory: cli.folder.url)
        // The server's memory every ten seconds while wrk runs, for the log.
        let sampler = Task {
            while !Task.isCancelled, let sample = MemorySample(of: pid) {
                print("Soak: \(sample), \(heapFigures(port: port))")
                try? await Task.sleep(for: .seconds(10)) // the sampling interval, not a wait for anything
            }
        }
        let status = await load.waitForExit(timeout: .seconds(seconds + 120))
        sampler.cancel()
        // At rest: the requests cut off at wrk's deadline are still being answered for a moment, and a case page
        // of the soak's case (tens of thousands of drafts by then) holds its whole timeline while it renders.
        // What a leak leaves behind is what stays once they are done: the least of five samples a second apart.
        var samples: [MemorySample] = []
        for _ in 0..<5 {
            try await Task.sleep(for: .seconds(1)) // the sampling interval, not a wait for anything
            if let sample = MemorySample(of: pid) { samples.append(sample) }
        }
        let end = try #require(samples.min { $0.own < $1.own }, "no memory figures for the server")
        await server.stop()
        #expect(status == 0, "wrk: \(load.standardOutput)\n\(load.standardError)")

        let soaked = SoakCounts(load.standardOutput)
        print("Soak: \(soaked); after warming \(warm); at the end \(end)\n\(load.standardOutput)")
        #expect(soaked.failed == 0, "\(soaked)\n\(load.standardOutput)\nserver: \(server.output)")
        #expect(soaked.caseViews > 0 && soaked.drafts > 0 && soaked.forms > 0 && soaked.dashboards > 0, "\(soaked)")
        #expect(
            Double(end.own - warm.own) < Double(warm.resident) * 0.10,
            "the server's own memory grew by \(end.own - warm.own) kB, from \(warm) to \(end)")
        let counts = warming + soaked
        let rounds = warming.rounds + soaked.rounds

        // Each wrk run stops at its deadline with up to one request in flight on each of its 50 connections: the
        // server still answers (and records) those, but wrk no longer counts the answers.
        let recorded = try panel.recorded()
        for (kind, stored, answered) in [
            ("case views", recorded.caseViews, counts.caseViews), ("drafts", recorded.drafts, counts.drafts),
            ("form openings", recorded.formOpenings, counts.forms),
        ] {
            #expect(
                stored >= answered && stored <= answered + 50 * rounds,
                "\(kind): \(stored) recorded, \(answered) answered with success (and at most 50 cut off at the end of each of \(rounds) runs of wrk)"
            )
        }

        let verify = try await cli.run("verify")
        #expect(verify.status == 0, "\(verify)")
    }

    /// The C heap's figures from the server's /metrics, in kB, for the log.
    func heapFigures(port: Int) -> String {
        guard let metrics = try? RawHTTP.get(port: port, "/metrics").body else { return "no /metrics" }
        return metrics.split(separator: "\n").filter { $0.hasPrefix("cdop_process_") }
            .map { line in
                let parts = line.split(separator: " ")
                return "\(parts[0].dropFirst(13)) \(Int(Double(parts.last ?? "") ?? 0) / 1024) kB"
            }.joined(separator: ", ")
    }
}

/// The server's memory from /proc, in kB: all it has resident, and its own part of that, its anonymous pages (heap
/// and stacks). The rest is pages of its binary and database files, which the kernel maps in as code paths are first
/// run and drops under pressure from other processes (the debug binary alone is over 100 MB), so only the own part
/// can tell a leak.
struct MemorySample: CustomStringConvertible {
    var resident: Int
    var own: Int
    var threads: Int

    init?(of pid: Int32) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func figure(_ name: String) -> Int? {
            status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }).flatMap {
                Int($0.filter(\.isNumber))
            }
        }
        guard let resident = figure("VmRSS"), let own = figure("RssAnon"), let threads = figure("Threads") else {
            return nil
        }
        (self.resident, self.own, self.threads) = (resident, own, threads)
    }

    var description: String { "resident \(resident) kB, own \(own) kB, \(threads) threads" }
}

/// What wrk counted: each kind of success, and everything else.
struct SoakCounts: CustomStringConvertible {
    var caseViews = 0, drafts = 0, forms = 0, dashboards = 0, failed = 0
    /// How many runs of wrk these counts add up.
    var rounds = 0

    /// Every request answered with success.
    var answered: Int { caseViews + drafts + forms + dashboards }

    init(_ output: String) {
        for line in output.split(separator: "\n") where line.hasPrefix("soak ") {
            rounds += 1
            for pair in line.dropFirst(5).split(separator: " ") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Int(parts[1]) else { continue }
                switch parts[0] {
                case "case": caseViews = value
                case "draft": drafts = value
                case "form": forms = value
                case "dashboard": dashboards = value
                case "failed": failed = value
                default: break
                }
            }
        }
    }

    static func + (left: SoakCounts, right: SoakCounts) -> SoakCounts {
        var sum = left
        sum.caseViews += right.caseViews
        sum.drafts += right.drafts
        sum.forms += right.forms
        sum.dashboards += right.dashboards
        sum.failed += right.failed
        sum.rounds += right.rounds
        return sum
    }

    var description: String {
        "case views \(caseViews), drafts \(drafts), form pages \(forms), dashboards \(dashboards), failed \(failed)"
    }
}

/// The demo panel made ready for the soak: a signed-in coordinator whose password is set, the cases it views and
/// an outstanding request's link; and, afterwards, what the store recorded of them.
struct SoakPanel {
    let engine: Engine
    let session: (token: String, csrf: String)
    let userID: UserID
    let casePaths: [String]
    let linkToken: String
    let caseOfLink: CaseID
    let startPosition: Int64

    init(database: String) throws {
        var configuration = AppConfiguration()
        configuration.databasePath = database
        engine = try Engine(configuration: configuration)
        let users = UserDirectory(engine: engine, bcryptCost: 4)
        let account = try users.addUser(
            username: "soak.coordinator", displayName: "Soak Coordinator", email: "soak@cdop.example.org",
            roles: [.coordinator], areas: [], by: Actor(name: "soak", role: "admin"))
        try users.changePassword(account.userID, old: account.initialPassword, new: "Soak-test-password-2026")
        userID = account.userID
        session = try SessionStore(store: engine.sqliteStore!).create(for: account.userID, now: Date())
        let (cases, outstanding) = try engine.sqliteStore!.read { db in
            (
                try String.fetchAll(db, sql: "SELECT case_id FROM case_summaries ORDER BY case_id LIMIT 8"),
                try Row.fetchOne(
                    db,
                    sql: "SELECT case_id, request_id FROM form_requests WHERE outstanding = 1 ORDER BY case_id LIMIT 1")
            )
        }
        casePaths = cases.map { "/cases/\($0)" }
        let row = try #require(outstanding, "the demo panel has no outstanding request")
        let caseID = try #require(CaseID(row["case_id"] as String))
        let requestID = try #require(FormRequestID(row["request_id"] as String))
        let issued = try engine.workflow.caseState(caseID).links.filter { $0.requestID == requestID }.count
        linkToken = try #require(engine.workflow.links).token(for: requestID, issue: max(1, issued))
        caseOfLink = caseID
        startPosition = try engine.sqliteStore!.lastPosition()
    }

    /// The events of each kind appended since the soak began.
    func recorded() throws -> (caseViews: Int, drafts: Int, formOpenings: Int) {
        try engine.sqliteStore!.read { db in
            func count(_ type: String, _ stream: String) throws -> Int {
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM events WHERE position > ? AND type = ? AND stream_id = ?",
                    arguments: [startPosition, type, stream]) ?? 0
            }
            return (
                try count("user.caseViewed.v1", userID.streamID),
                try count("case.formDraftSaved.v1", caseOfLink.streamID),
                try count("case.formOpened.v1", caseOfLink.streamID)
            )
        }
    }

    /// A wrk script cycling through the four requests, from a thousand client addresses, that counts each kind of
    /// success by what the answer holds (its title, or the practitioner's form) and prints the totals as `soak case=N draft=N form=N dashboard=N failed=N`.
    func wrkScript() -> String {
        let cases = casePaths.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            local threads = {}
            function setup(thread) table.insert(threads, thread) end
            local cases = { \(cases) }
            local cookie = "cdop_session=\(session.token)"
            local draft = '{"action":"draft","answers":{}}'
            local n = 0
            case_ok, draft_ok, form_ok, dashboard_ok, failed = 0, 0, 0, 0, 0
            local function address() return "10.1." .. math.random(0, 3) .. "." .. math.random(1, 250) end
            function request()
              n = n + 1
              local k = n % 4
              if k == 0 then return wrk.format("GET", "/dashboard", { ["Cookie"] = cookie }) end
              if k == 1 then return wrk.format("GET", cases[(n % #cases) + 1], { ["Cookie"] = cookie }) end
              if k == 2 then return wrk.format("GET", "/forms/\(linkToken)", { ["X-Forwarded-For"] = address() }) end
              return wrk.format("POST", "/api/v1/links/\(linkToken)",
                { ["X-Forwarded-For"] = address(), ["Content-Type"] = "application/json" }, draft)
            end
            function response(status, headers, body)
              if status ~= 200 then failed = failed + 1
              elseif body:find('"draftSaved"', 1, true) then draft_ok = draft_ok + 1
              elseif body:find("<title>Case ", 1, true) then case_ok = case_ok + 1
              elseif body:find("<title>Dashboard ", 1, true) then dashboard_ok = dashboard_ok + 1
              elseif body:find('<form method="post" novalidate>', 1, true) then form_ok = form_ok + 1
              else failed = failed + 1 end
            end
            function done(summary, latency, requests)
              local c, d, f, b, x = 0, 0, 0, 0, 0
              for _, t in ipairs(threads) do
                c = c + t:get("case_ok"); d = d + t:get("draft_ok"); f = f + t:get("form_ok")
                b = b + t:get("dashboard_ok"); x = x + t:get("failed")
              end
              x = x + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
              io.write(string.format("soak case=%d draft=%d form=%d dashboard=%d failed=%d\\n", c, d, f, b, x))
              io.write(string.format("soak-latency p50=%.1fms p99=%.1fms requests=%d\\n",
                latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests))
            end
            """
    }
}

import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPMail
import CDOPStore
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Metrics
import Prometheus
import Testing

/// GET /healthz and GET /metrics, in process against the router.
@Suite("Health and metrics routes")
struct OperationsRouteTests {
    /// swift-metrics has one system per process: this registry receives the command handler's counters.
    static let processRegistry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
    static let token = String(repeating: "t0k3n", count: 8)

    @Test("healthz answers 200 with each check named, and no personal data, when cdop can work")
    func healthyServerAnswers200() async throws {
        var fixture = try await WebFixture()
        let notification = fixture.notification(surname: "Healthcheckson")
        try fixture.engine.workflow.notify(notification, by: Actor(name: "test", role: "coordinator"))
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(object["status"] as? String == "ok")
            let checks = try #require(object["checks"] as? [String: [String: Any]])
            #expect(Set(checks.keys) == ["database", "definitions", "mail"])
            #expect(checks.values.allSatisfy { $0["ok"] as? Bool == true }, "\(body)")
            #expect(!body.contains("Healthcheckson") && !body.contains("Alex"))
        }
    }

    @Test("healthz answers 503 naming the mail check when the SMTP server cannot be reached")
    func unreachableMailAnswers503() async throws {
        // Port 9 (discard) on loopback: nothing listens there.
        let smtp = try SMTPSettings(
            url: try SMTPServerURL("smtp://127.0.0.1:9"), credentials: nil, caFile: nil, startTLS: .off,
            clientName: "localhost")
        let fixture = try await WebFixture { configuration in
            configuration.mail = MailSettings(sender: configuration.mail.sender, delivery: .smtp(smtp))
        }
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            let object =
                try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
            let checks = object?["checks"] as? [String: [String: Any]]
            #expect(checks?["mail"]?["ok"] as? Bool == false)
            #expect(checks?["database"]?["ok"] as? Bool == true)
        }
    }

    @Test("Metrics are refused to a client that is neither on loopback nor holding the token")
    func metricsAreRefusedWithoutAccess() async throws {
        let fixture = try await WebFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .forbidden)
        }
    }

    @Test("Metrics in Prometheus text: events, refusals by code, timers, outbox, dead letters and HTTP latency")
    func metricsCoverTheOperationalFigures() async throws {
        let metrics = ServerMetrics(registry: Self.processRegistry)
        var fixture = try await WebFixture(metrics: metrics) { $0.metricsToken = Self.token }
        try fixture.engine.workflow.notify(fixture.notification(), by: Actor(name: "test", role: "coordinator"))
        // A death notified before it happened: the rules refuse it, under its code.
        var random = SeededRandom(seed: 3)
        let impossible = SyntheticPanel.notification(
            using: &random, died: CalendarDate(year: 2026, month: 5, day: 31)!,
            notified: CalendarDate(year: 2026, month: 5, day: 20)!, ageDays: 100, area: "NTH", expectation: .unexpected)
        #expect(throws: CommandError.self) {
            try fixture.engine.workflow.notify(impossible, by: Actor(name: "test", role: "coordinator"))
        }
        let count = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 100_000).count
        try await fixture.application.test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            let refused = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong-\(Self.token)"])
            #expect(refused.status == .forbidden)
            let response = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: response.body)
            for name in [
                "cdop_events_stored", "cdop_events_appended_total", "cdop_commands_rejected_total{code=",
                "cdop_timers_due", "cdop_timers_overdue", "cdop_outbox_pending", "cdop_outbox_dead_letters",
                #"cdop_http_request_duration_seconds_bucket{method="GET",route="/healthz",status="200""#,
            ] {
                #expect(text.contains(name), "\(name) is missing")
            }
            let stored = text.split(separator: "\n").first { $0.hasPrefix("cdop_events_stored ") }
            #expect(
                stored == "cdop_events_stored \(count).0" || stored == "cdop_events_stored \(count)", "\(stored ?? "")")
            // The process's memory, in bytes: a server holds megabytes, most of it its own.
            let resident = Self.gauge("cdop_process_resident_bytes", in: text)
            let anonymous = Self.gauge("cdop_process_anonymous_bytes", in: text)
            #expect(resident > 1_000_000 && anonymous > 0 && anonymous <= resident, "\(resident) \(anonymous)")
            // The C heap in use is part of the process's own memory, and what malloc keeps free is a figure too.
            let heapInUse = Self.gauge("cdop_process_heap_in_use_bytes", in: text)
            #expect(heapInUse > 100_000 && heapInUse < resident, "heap in use \(heapInUse) of \(resident)")
            #expect(text.contains("\ncdop_process_heap_free_bytes "), "the free heap gauge is missing")
        }
    }

    /// A gauge's value in Prometheus text (0 when it is missing).
    static func gauge(_ name: String, in text: String) -> Double {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.dropFirst(name.count + 1)) }
            ?? 0
    }

    @Test(
        "Metrics access: loopback without the proxy, or the exact bearer token",
        arguments: [
            ("127.0.0.1", false, nil, nil, true), ("::1", false, nil, nil, true), ("127.0.0.1", true, nil, nil, false),
            ("10.0.0.8", false, nil, nil, false), ("10.0.0.8", true, "Bearer \(token)", token, true),
            ("127.0.0.1", false, nil, token, false), ("127.0.0.1", false, "Bearer x", token, false),
        ] as [(String, Bool, String?, String?, Bool)])
    func metricsAccessRule(peer: String, forwarded: Bool, authorization: String?, token: String?, allowed: Bool) {
        #expect(
            MetricsAccess.allows(authorization: authorization, peer: peer, forwarded: forwarded, token: token)
                == allowed)
    }
}

import CDOPTesting
import Foundation
import GRDB
import Testing

/// The server's log, at its most talkative, through the demo lifecycle: no name, date of birth or NHS number.
@Suite("No personal data in the server log")
struct LogPrivacyTests {
    @Test(
        "No fixture name, date of birth or NHS number appears in any log line of the demo lifecycle served at trace level"
    )
    func logsCarryNoPersonalData() async throws {
        let cli = CLI()
        #expect(try await cli.loadDemo().status == 0)
        let server = try await RunningServer(
            cli: cli, spool: cli.folder.path("outbox"), environment: ["CDOP_LOG_LEVEL": "trace"])
        let port = try #require(Int(server.base.split(separator: ":").last ?? ""))
        let notification = try String(contentsOfFile: Fixture.path("notification.example.json"), encoding: .utf8)
        // Pages, a notification accepted, one refused by the rules, one that is not even JSON, a bad link.
        for path in [
            "/", "/notify", "/sign-in", "/healthz", "/metrics", "/forms/\(String(repeating: "A", count: 43))", "/cases",
        ] {
            _ = try RawHTTP.get(port: port, path)
        }
        let badDate = notification.replacingOccurrences(
            of: "\"2026-07-02\"", with: "\"Testchild 2026-07-02 9434765919\"")
        for body in [notification, badDate, "{\"child\": {\"name\": \"Alex Testchild\", \"nhsNumber\": 9434765919"] {
            let client = try RawHTTP(port: port)
            client.send(
                "POST /api/v1/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
            _ = try client.response()
        }
        // The scheduler ticked as the server started; the log must also hold the dispatcher's work on the mail, the
        // new case's included, before it is read.
        try await Eventually.wait(for: "the server to send every mail it had not yet tried") {
            try SQLiteFile.count(cli.database, Self.untriedMail) == 0
        }
        await server.stop()

        let logs = server.process.standardError
        #expect(logs.contains("Server started"), "the server logged nothing: \(server.output)")
        let personal = try await Self.personalData(cli) + ["Testchild", "9434765919", "2026-07-02"]
        #expect(personal.count > 20)
        for line in logs.split(separator: "\n") {
            // Past the line's own timestamp, which holds today's date (a demo birth may be dated today).
            let text = line.drop { $0 != " " }
            for value in personal where text.contains(value) {
                Issue.record("a log line carries \"\(value)\": \(line)")
            }
        }
    }

    /// Counts the mail waiting in the outbox that the dispatcher has not tried to send.
    static let untriedMail = """
        SELECT COUNT(*) FROM outbox o
        WHERE o.state = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox_attempts a WHERE a.outbox_id = o.outbox_id)
        """

    /// Every child's name and date of birth in the database, as `cdop case list` reads them (the file holds them
    /// sealed).
    static func personalData(_ cli: CLI) async throws -> Set<String> {
        var values = Set<String>()
        for summary in try await cli.run("case", "list", "--json").list ?? [] {
            if let born = summary["dateOfBirth"] as? String { values.insert(born) }
            let name = summary["childName"] as? String ?? ""
            for part in name.split(separator: " ") where part.count > 3 { values.insert(String(part)) }
        }
        return values
    }
}

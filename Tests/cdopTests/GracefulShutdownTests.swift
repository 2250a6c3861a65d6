import CDOPTesting
import Foundation
import GRDB
import Synchronization
import Testing

/// SIGTERM to the real `cdop serve` while it answers requests and sends mail.
@Suite("Stopping the server gracefully")
struct GracefulShutdownTests {
    @Test("On SIGTERM the server answers the request in flight, refuses new ones, gives back claimed mail and exits 0")
    func sigtermUnderLoadLosesNothing() async throws {
        let cli = CLI()
        #expect(try await cli.loadDemo().status == 0)
        let sentBefore = try SQLiteFile.count(cli.database, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
        let spool = cli.folder.path("server-outbox")
        let server = try await RunningServer(cli: cli, spool: spool)
        let port = try #require(Int(server.base.split(separator: ":").last ?? ""))

        // Load: four clients asking for pages and health (each health check is a write) until refused.
        let answered = Atomic<Int>(0)
        let unanswered = Atomic<Int>(0)
        let truncated = Atomic<Int>(0)
        let clientsDone = Atomic<Int>(0)
        for index in 0..<4 {
            Thread {
                while true {
                    do {
                        _ = try RawHTTP.get(port: port, index % 2 == 0 ? "/healthz" : "/")
                        answered.add(1, ordering: .relaxed)
                    } catch RawHTTP.Failure.unanswered {
                        unanswered.add(1, ordering: .relaxed)
                    } catch RawHTTP.Failure.truncated {
                        truncated.add(1, ordering: .relaxed)
                    } catch {
                        break
                    }
                }
                clientsDone.add(1, ordering: .relaxed)
            }.start()
        }
        try await Eventually.wait(for: "the clients' first fifty answers") { answered.load(ordering: .relaxed) >= 50 }

        // A notification in flight: its head and half its body sent before SIGTERM, the rest after.
        let body = try String(contentsOfFile: Fixture.path("notification.example.json"), encoding: .utf8)
        let bytes = Array(body.utf8)
        let held = try RawHTTP(port: port)
        held.send(
            "POST /api/v1/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
                + String(decoding: bytes[..<(bytes.count / 2)], as: UTF8.self))
        // Connections are accepted in the order they were made: once requests on connections opened after it have
        // been answered, the server has taken up the held one and read what it was sent.
        let answeredBeforeHeld = answered.load(ordering: .relaxed)
        try await Eventually.wait(for: "answers to requests made after the held one") {
            answered.load(ordering: .relaxed) >= answeredBeforeHeld + 8
        }
        kill(server.process.processIdentifier, SIGTERM)
        // Each client goes on until the server refuses its connection: once all four have stopped, it has.
        try await Eventually.wait(for: "every client to be refused a connection") {
            clientsDone.load(ordering: .relaxed) == 4
        }
        #expect(throws: RawHTTP.Failure.cannotConnect, "a new connection was accepted after SIGTERM") {
            _ = try RawHTTP.get(port: port, "/healthz")
        }
        held.send(String(decoding: bytes[(bytes.count / 2)...], as: UTF8.self))
        let answer = try held.response()
        #expect(answer.status == 201, "the request in flight was not finished: \(answer)")

        let status = await server.process.waitForExit(timeout: .seconds(30))
        #expect(status == 0, "\(server.output)")
        #expect(server.process.standardOutput.contains("cdop: stopped"))
        // No answer is ever cut short. A connection the server accepted but whose request it had not yet read
        // when it stopped accepting is closed unanswered (the request never ran; a client may retry it): at
        // most one per client, the one it had open at that moment.
        #expect(truncated.load(ordering: .relaxed) == 0, "answers were cut short")
        #expect(unanswered.load(ordering: .relaxed) <= 4)

        // Nothing left claimed; every mail the spool holds is recorded as sent; the new case is stored.
        let leftClaimed = try SQLiteFile.count(
            cli.database,
            """
            SELECT COUNT(*) FROM outbox o JOIN outbox_attempts a ON a.outbox_id = o.outbox_id
            WHERE o.state = 'pending' AND a.claimed_until IS NOT NULL
            """)
        #expect(leftClaimed == 0)
        let spooled =
            (try? FileManager.default.contentsOfDirectory(atPath: spool).filter { $0.hasSuffix(".eml") }.count) ?? 0
        let sentAfter = try SQLiteFile.count(cli.database, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
        #expect(
            spooled == sentAfter - sentBefore, "\(spooled) mails spooled, \(sentAfter - sentBefore) recorded as sent")
        let reference = answer.body.firstMatch(of: /CDOP-[0-9A-Z-]+/).map { String($0.output) }
        #expect(reference != nil)
        #expect(try await cli.run("verify").status == 0)
    }
}

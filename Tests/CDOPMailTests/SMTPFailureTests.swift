import CDOPMail
import CDOPTesting
import Foundation
import Testing

@Suite("Classifying SMTP failures")
struct SMTPFailureTests {
    @Test("451 from the server is a transient deferral, and the same message goes through on the next attempt")
    func deferredThenDelivered() async throws {
        try await withSMTPServer(.init(replies: ["RCPT:451:1"])) { server, _ in
            let transport = SMTPTransport(settings: try server.settings())
            let message = Fixtures.formBRequest(to: [Fixtures.zoe])
            let first = try await deliver(message, via: transport)
            #expect(first.failure == .deferred(server: "127.0.0.1:\(server.port)", replyCode: 451))
            #expect(first.failure?.isTransient == true)
            #expect(first.failure?.disposition == .retryLater)
            _ = try await deliver(message, via: transport).get()
            #expect(try server.receivedFiles().count == 1)
        }
    }

    @Test("451 after DATA is a transient deferral too")
    func deferredAtData() async throws {
        try await withSMTPServer(.init(replies: ["DATA:451"])) { server, _ in
            let result = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: try server.settings()))
            #expect(result.failure == .deferred(server: "127.0.0.1:\(server.port)", replyCode: 451))
        }
    }

    @Test(
        "550 from the server is a permanent rejection, whether at MAIL, RCPT or DATA",
        arguments: ["MAIL", "RCPT", "DATA"])
    func rejected(stage: String) async throws {
        try await withSMTPServer(.init(replies: ["\(stage):550"])) { server, _ in
            let result = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: try server.settings()))
            #expect(result.failure == .rejected(server: "127.0.0.1:\(server.port)", replyCode: 550))
            #expect(result.failure?.disposition == .permanent)
            #expect(try server.receivedFiles().isEmpty)
            let description = result.failure?.description ?? ""
            #expect(description.contains("550"))
            #expect(!description.contains("Form B requested"), "no subject in the error")
            #expect(!description.contains("Dear colleague"), "no body in the error")
        }
    }

    @Test("A refused connection is transient")
    func connectionRefused() async throws {
        let port = try closedLoopbackPort()
        let settings = try SMTPSettings(url: SMTPServerURL("smtp://127.0.0.1:\(port)"), startTLS: .off)
        let result = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: settings))
        guard case .connectionFailed(let server, _) = result.failure else {
            Issue.record("expected a connection failure, got \(result)")
            return
        }
        #expect(server == "127.0.0.1:\(port)")
        #expect(result.failure?.isTransient == true)
    }

    @Test("A server that never answers times out, transiently, within the response timeout")
    func silentServer() async throws {
        try await withSMTPServer(.init(silent: true)) { server, _ in
            let clock = ContinuousClock()
            let started = clock.now
            let result = try await deliver(
                Fixtures.formBRequest(), via: SMTPTransport(settings: try server.settings(responseTimeout: .seconds(1)))
            )
            #expect(result.failure == .timedOut(server: "127.0.0.1:\(server.port)"))
            #expect(result.failure?.isTransient == true)
            #expect(clock.now - started < .seconds(10))
        }
    }

    @Test("An envelope address that could inject SMTP commands is refused before any connection")
    func invalidEnvelope() async throws {
        let settings = try SMTPSettings(url: SMTPServerURL("smtp://127.0.0.1:9"), startTLS: .off)
        var envelope = MailEnvelope(for: Fixtures.formBRequest())
        envelope.recipients = ["ok@example.org", "x@example.org>\r\nRCPT TO:<y@example.org"]
        do throws(MailTransportError) {
            _ = try await SMTPTransport(settings: settings).send(
                try! MIMERenderer.render(Fixtures.formBRequest()), envelope: envelope)
            Issue.record("sent")
        } catch {
            #expect(error == .invalidAddress("x@example.org>\r\nRCPT TO:<y@example.org"))
            #expect(error.disposition == .permanent)
        }
    }

    @Test(
        "libcurl codes and SMTP replies map to the dispatcher's three dispositions",
        arguments: [
            (55, 451, MailTransportError.Disposition.retryLater),
            (55, 421, .retryLater),
            (55, 550, .permanent),
            (55, 553, .permanent),
            (25, 552, .permanent),
            (7, 0, .retryLater),
            (6, 0, .retryLater),
            (28, 0, .retryLater),
            (56, 0, .retryLater),
            (60, 0, .needsOperator),
            (77, 0, .needsOperator),
            (64, 0, .needsOperator),
            (67, 535, .needsOperator),
            (55, 530, .needsOperator),
            (43, 0, .retryLater),
        ])
    func classification(curlCode: Int, replyCode: Int, expected: MailTransportError.Disposition) {
        let error = SMTPFailure.classify(
            curlCode: curlCode, replyCode: replyCode, server: "mail.example.org:587", detail: "d")
        #expect(error.disposition == expected, "\(error)")
    }
}

@Suite("SMTP sends and Swift concurrency")
struct SMTPConcurrencyTests {
    @Test("libcurl runs off Swift's cooperative threads: other tasks keep running while sends wait on a silent server")
    func cooperativePoolStaysFree() async throws {
        try await withSMTPServer(.init(silent: true)) { server, _ in
            let settings = try server.settings(responseTimeout: .seconds(8))
            let clock = ContinuousClock()
            let sends = 2 * ProcessInfo.processInfo.activeProcessorCount + 2
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<sends {
                    group.addTask {
                        let result = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: settings))
                        #expect(result.failure == .timedOut(server: "127.0.0.1:\(server.port)"))
                    }
                }
                // More sends than cooperative threads are now waiting for a reply that never comes. If they held
                // those threads, this task could not wake up from its sleep until the 8-second timeouts; under a loaded
                // two-core test run a free pool still wakes within a few seconds.
                let before = clock.now
                try await Task.sleep(for: .milliseconds(500))
                let late = clock.now - before - .milliseconds(500)
                #expect(late < .seconds(4), "woke \(late) late while libcurl was blocked")
                try await group.waitForAll()
            }
        }
    }
}

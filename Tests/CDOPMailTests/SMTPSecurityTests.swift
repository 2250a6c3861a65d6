import CDOPMail
import Foundation
import Testing

@Suite("SMTP over TLS and with AUTH")
struct SMTPSecurityTests {
    @Test("STARTTLS with the server's self-signed certificate verified through the CA file delivers over TLS")
    func startTLSVerified() async throws {
        try await withSMTPServer(certificate: true) { server, directory in
            let ca = directory.file("cert.pem")
            let message = Fixtures.formBRequest()
            let receipt = try await deliver(
                message, via: SMTPTransport(settings: server.settings(startTLS: .required, caFile: ca))
            ).get()
            #expect(receipt.route == .smtp(server: "127.0.0.1:\(server.port)", replyCode: 250))
            let delivered = try server.events().filter { $0.event == "message" }
            #expect(delivered.map(\.tls) == [true])
            let parsed = try await PythonCheck.parseMail(try server.receivedFiles(), in: directory)[0]
            #expect(parsed.defects == [])
            #expect(parsed.text == Fixtures.textBody)
        }
    }

    @Test(
        "Without the CA file the certificate does not verify: a TLS verification error for the operator, nothing sent")
    func startTLSUnverified() async throws {
        try await withSMTPServer(certificate: true) { server, _ in
            let result = try await deliver(
                Fixtures.formBRequest(), via: SMTPTransport(settings: server.settings(startTLS: .required)))
            guard case .tlsVerificationFailed(let where_, let detail) = result.failure else {
                Issue.record("expected a TLS verification failure, got \(result)")
                return
            }
            #expect(where_ == "127.0.0.1:\(server.port)")
            #expect(detail.lowercased().contains("certificate"), "\(detail)")
            #expect(result.failure?.disposition == .needsOperator)
            #expect(result.failure?.description.contains("CDOP_SMTP_CA_FILE") == true)
            #expect(try server.receivedFiles().isEmpty)
        }
    }

    @Test("An unreadable CA file is a TLS verification error too")
    func missingCAFile() async throws {
        try await withSMTPServer(certificate: true) { server, directory in
            let result = try await deliver(
                Fixtures.formBRequest(),
                via: SMTPTransport(settings: server.settings(startTLS: .required, caFile: directory.file("absent.pem")))
            )
            guard case .tlsVerificationFailed = result.failure else {
                Issue.record("expected a TLS verification failure, got \(result)")
                return
            }
        }
    }

    @Test("With STARTTLS required, a server that does not offer it gets nothing: mail never falls back to cleartext")
    func startTLSRequiredButAbsent() async throws {
        try await withSMTPServer { server, _ in
            let result = try await deliver(
                Fixtures.formBRequest(), via: SMTPTransport(settings: server.settings(startTLS: .required)))
            guard case .tlsUnavailable = result.failure else {
                Issue.record("expected TLS unavailable, got \(result)")
                return
            }
            #expect(result.failure?.disposition == .needsOperator)
            #expect(try server.receivedFiles().isEmpty)
        }
    }

    @Test("smtps:// speaks TLS from the first byte and verifies the certificate")
    func implicitTLS() async throws {
        try await withSMTPServer(.init(implicitTLS: true), certificate: true) { server, directory in
            let settings = try server.settings(startTLS: .required, caFile: directory.file("cert.pem"), scheme: "smtps")
            _ = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: settings)).get()
            #expect(try server.events().filter { $0.event == "message" }.map(\.tls) == [true])
        }
    }

    @Test("AUTH after STARTTLS with the right credentials delivers; the message is marked authenticated")
    func authAccepted() async throws {
        try await withSMTPServer(.init(auth: true), certificate: true) { server, directory in
            let settings = try server.settings(
                startTLS: .required, caFile: directory.file("cert.pem"),
                credentials: SMTPCredentials(user: TestSMTPServer.user, password: TestSMTPServer.password))
            _ = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: settings)).get()
            let delivered = try server.events().filter { $0.event == "message" }
            #expect(delivered.map(\.authenticated) == [true])
            #expect(delivered.map(\.tls) == [true])
        }
    }

    @Test("A wrong password is an authentication failure for the operator, and the password is not in the message")
    func authRefused() async throws {
        try await withSMTPServer(.init(auth: true), certificate: true) { server, directory in
            let settings = try server.settings(
                startTLS: .required, caFile: directory.file("cert.pem"),
                credentials: SMTPCredentials(user: TestSMTPServer.user, password: "wrong-password-123"))
            let result = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: settings))
            guard case .authenticationFailed(_, let code) = result.failure else {
                Issue.record("expected an authentication failure, got \(result)")
                return
            }
            #expect(code == 535)
            #expect(result.failure?.disposition == .needsOperator)
            #expect(result.failure?.description.contains("wrong-password") == false)
            #expect(try server.receivedFiles().isEmpty)
        }
    }

    @Test("A server that requires AUTH refuses mail from a client without credentials: a configuration problem")
    func authMissing() async throws {
        try await withSMTPServer(.init(auth: true, authWithoutTLS: true)) { server, _ in
            let result = try await deliver(Fixtures.formBRequest(), via: SMTPTransport(settings: server.settings()))
            #expect(result.failure == .authenticationFailed(server: "127.0.0.1:\(server.port)", replyCode: 530))
            #expect(result.failure?.disposition == .needsOperator)
        }
    }
}

import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop mail ...`: the outbox, its dead letters, and the mail server's set-up.
struct MailGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Send the outbox, list undelivered mail, requeue it, test the mail server.",
        subcommands: [
            MailDispatchCommand.self, MailFailedCommand.self, MailRetryCommand.self, MailSendTestCommand.self,
        ])
}

extension GlobalOptions {
    /// The email templates of the declared definitions.
    func templates() throws -> [String: EmailTemplate] {
        let configuration = try configuration()
        return try DeclaredSchedules.load(configuration).definitions.templates
    }
}

struct MailDispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Send every email due in the outbox now, through the configured transport, and print the outcomes.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let engine = try options.engine()
        let outcomes = await engine.dispatcher(templates: try options.templates()).dispatchAll()
        if options.json {
            print(Output.json(outcomes))
            return
        }
        print(
            "\(outcomes.filter { $0.result == "sent" }.count) sent, \(outcomes.filter { $0.result == "retry" || $0.result == "needsOperator" }.count) to retry, \(outcomes.filter { $0.result == "failed" }.count) failed."
        )
        for outcome in outcomes where outcome.result != "sent" {
            print(
                "\(outcome.result.uppercased()) \(outcome.caseReference) \(outcome.template) to the \(outcome.recipientRole): \(outcome.detail)"
            )
        }
    }
}

struct MailFailedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failed", abstract: "List emails that could not be delivered (dead letters).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let engine = try options.engine()
        let failed = try engine.store.snapshot { db in try OutboxQueries.list(state: "failed", in: db) }
        if options.json {
            print(Output.json(failed))
            return
        }
        if failed.isEmpty {
            print("Every email has been delivered or is still being tried.")
            return
        }
        print(
            TextTable.render(
                header: ["email", "case", "template", "to", "attempts", "reason"],
                rows: failed.map {
                    [
                        $0.outboxID, $0.caseID.flatMap(CaseID.init).map(\.reference) ?? $0.streamID, $0.template,
                        $0.recipientRole,
                        "\($0.attempts)", $0.lastError ?? "-",
                    ]
                }))
        print("Requeue one with `cdop mail retry EMAIL` once the address or the mail server is put right.")
    }
}

struct MailRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Put an undelivered email back in the outbox, to be tried again from scratch.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The email's outbox id, as `cdop mail failed` lists it.")
    var outboxID: String

    func run() throws {
        let engine = try options.engine()
        try engine.workflow.requeueEmail(outboxID, by: options.actorForCommand)
        if options.json {
            print(Output.json(["outboxId": outboxID, "state": "pending"]))
        } else {
            print("Email \(outboxID) is back in the outbox; it goes with the next dispatch.")
        }
    }
}

struct MailSendTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send one test message through the configured transport and report the server's answer.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Where to send the test message.")
    var address: String

    func validate() throws {
        guard (try? MailAddress(address)) != nil else {
            throw ValidationError("\"\(address)\" is not an email address.")
        }
    }

    struct Report: Encodable {
        var sent: Bool
        var route: String
        var messageId: String
        var error: String?
    }

    func run() async throws {
        let configuration = try options.configuration()
        let now = Date()
        let domain = configuration.mail.sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let message = MailMessage(
            from: try MailAddress(configuration.mail.sender.address, displayName: configuration.panelName),
            to: [try MailAddress(address)], subject: "cdop test message", date: now,
            messageID: try MessageID(eventID: UUID(), domain: domain),
            textBody:
                "This is a test message from cdop for \(configuration.panelName). It carries no case information.\n")
        let transport = configuration.mail.makeTransport()
        var report = Report(sent: false, route: "-", messageId: message.messageID.bracketed)
        do {
            let receipt = try await transport.send(
                try MIMERenderer.render(message), envelope: MailEnvelope(for: message))
            report.sent = true
            report.route =
                switch receipt.route {
                case .smtp(let server, let code): "accepted by \(server) with \(code)"
                case .spool(let file):
                    "written to the spool as \(file) (no SMTP server is configured: set CDOP_SMTP_URL)"
                }
        } catch {
            report.error = String(describing: error)
        }
        if options.json {
            print(Output.json(report))
        } else if report.sent {
            print("Test message \(report.messageId) \(report.route).")
        } else {
            Output.error("The test message was not sent: \(report.error ?? "unknown error")")
        }
        if !report.sent { throw ExitCode(1) }
    }
}

import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Sends the outbox. It claims due emails in a write transaction (so two dispatchers never take the same one),
/// sends each through the transport, and records the outcome as an event on the case. A transient failure
/// (connection refused, timeout, 4xx) is retried with exponential backoff and jitter up to a cap; a permanent
/// one (5xx, a bad address), or too many attempts, becomes a dead letter: `EmailDeliveryFailed` on the case and
/// an alert to the coordinator. Delivery is at least once: a dispatcher killed between sending and recording
/// leaves its claim to expire, and the resend carries the same Message-ID (derived from the outbox id).
package struct OutboxDispatcher: Sendable {
    package let workflow: CaseWorkflow
    package let composer: EmailComposer
    package let transport: any MailTransport
    /// Claims, leases, backoff and the most attempts (shared with the national return's sender).
    package var policy = DeliveryPolicy()

    package init(workflow: CaseWorkflow, composer: EmailComposer, transport: any MailTransport) {
        self.workflow = workflow
        self.composer = composer
        self.transport = transport
    }

    package struct Outcome: Sendable, Equatable, Codable {
        package var outboxId: String
        package var caseReference: String
        package var template: String
        package var recipientRole: String
        /// "sent", "retry" (with when), "failed" (dead letter), or "needsOperator" (TLS or login; retried).
        package var result: String
        package var detail: String
    }

    /// Claims and sends one batch of due emails.
    package func dispatchOnce() async -> [Outcome] {
        let now = workflow.handler.clock.now()
        let claimed = DeliveryRounds.claim(in: workflow.handler.store, now: now, policy: policy, OutboxQueries.claim)
        return await DeliveryRounds.work(
            claimed, release: { release($0.map(\.outboxID)) }, each: { row in await send(row, now: now) })
    }

    /// Releases claims this dispatcher will not use; if even that fails, the lease runs out on its own.
    private func release(_ outboxIDs: [String]) {
        _ = try? workflow.handler.store.transaction { db in try OutboxQueries.release(outboxIDs, in: db) }
    }

    /// Sends until nothing is due (or `rounds` batches), for `cdop mail dispatch` and tests.
    package func dispatchAll(rounds: Int = 1000) async -> [Outcome] {
        await DeliveryRounds.untilEmpty(rounds: rounds) { await dispatchOnce() }
    }

    /// Dispatches every `interval` until the task is cancelled (the server's service loop).
    package func run(every interval: Duration) async {
        await DeliveryRounds.every(interval) { _ = await dispatchAll() }
    }

    /// What an outbox row is about: a case, a meeting, a staff account or a year's national return.
    private enum Subject {
        case caseStream(CaseID)
        case meetingStream(MeetingID)
        case userStream(UserID)
        case nationalReturnStream(String)

        init?(_ row: OutboxRow) {
            if row.streamID.hasPrefix("case-"), let id = CaseID(String(row.streamID.dropFirst(5))) {
                self = .caseStream(id)
            } else if row.streamID.hasPrefix("meeting-"), let id = MeetingID(String(row.streamID.dropFirst(8))) {
                self = .meetingStream(id)
            } else if row.streamID.hasPrefix("user-"), let id = UserID(String(row.streamID.dropFirst(5))) {
                self = .userStream(id)
            } else if row.streamID.hasPrefix("national-return-") {
                self = .nationalReturnStream(row.streamID)
            } else {
                return nil
            }
        }
    }

    private func send(_ row: OutboxRow, now: Date) async -> Outcome {
        guard let subject = Subject(row) else {
            return outcome(row, "failed", "the outbox row names no case, meeting, staff account or national return")
        }
        let attempts = row.attempts + 1
        let message: MailMessage
        let rendered: RenderedMail
        do {
            switch subject {
            case .caseStream(let caseID):
                message = try composer.compose(row, state: workflow.caseState(caseID), now: now)
            case .meetingStream(let id):
                message = try composer.composeMeeting(row, state: workflow.meetingState(id), now: now)
            case .userStream(let id):
                message = try composer.composeAccountNotice(row, state: workflow.userState(id), now: now)
            case .nationalReturnStream(let stream):
                message = try composer.composeNationalReturnReminder(
                    row, state: workflow.load(NationalReturnLogDecider.self, stream), now: now)
            }
            rendered = try MIMERenderer.render(message)
        } catch {
            return deadLetter(row, subject, messageID: "-", attempts: attempts, reason: "cannot be written: \(error)")
        }
        do {
            let receipt = try await transport.send(rendered, envelope: MailEnvelope(for: message))
            let route =
                switch receipt.route {
                case .smtp(let server, let code): "smtp \(server) \(code)"
                case .spool(let file): "spool \(URL(fileURLWithPath: file).lastPathComponent)"
                }
            let emailOutcome = EmailOutcome(
                outboxID: OutboxTables.emailID(row.outboxID), messageID: message.messageID.bracketed,
                template: row.template, recipientRole: row.recipientRole, route: route, attempts: attempts)
            do {
                try record(sent: true, emailOutcome, reason: "", about: subject, rowID: row.outboxID)
            } catch {
                return outcome(row, "sent", "sent, but not yet recorded: \(error.code)")
            }
            return outcome(row, "sent", route)
        } catch {
            switch error.disposition {
            case .permanent:
                return deadLetter(
                    row, subject, messageID: message.messageID.bracketed, attempts: attempts, reason: error.description)
            case .retryLater, .needsOperator:
                // Settings or a certificate to fix: retried however often it failed, never a dead letter.
                let wait: TimeInterval
                switch policy.next(afterFailedAttempt: attempts) {
                case .retry(let after): wait = after
                case .giveUp where error.disposition == .needsOperator: wait = policy.backoff(after: attempts)
                case .giveUp:
                    return deadLetter(
                        row, subject, messageID: message.messageID.bracketed, attempts: attempts,
                        reason: "gave up after \(attempts) attempts: \(error.description)")
                }
                try? workflow.handler.store.transaction { db in
                    try OutboxQueries.recordRetry(
                        row.outboxID, attempts: attempts, retryAt: now.addingTimeInterval(wait),
                        error: error.description, in: db)
                }
                return outcome(
                    row, error.disposition == .needsOperator ? "needsOperator" : "retry",
                    "\(error.description); next attempt in \(Int(wait)) s")
            }
        }
    }

    private func deadLetter(_ row: OutboxRow, _ subject: Subject, messageID: String, attempts: Int, reason: String)
        -> Outcome
    {
        let emailOutcome = EmailOutcome(
            outboxID: OutboxTables.emailID(row.outboxID), messageID: messageID, template: row.template,
            recipientRole: row.recipientRole, route: "-", attempts: attempts)
        do {
            try record(sent: false, emailOutcome, reason: reason, about: subject, rowID: row.outboxID)
        } catch {
            try? workflow.handler.store.transaction { db in
                try OutboxQueries.recordRetry(
                    row.outboxID, attempts: attempts, retryAt: Date.distantFuture, error: reason, in: db)
            }
        }
        return outcome(row, "failed", reason)
    }

    /// Records an outcome as the command whose id is named by the outbox row: recorded once, however often it is
    /// retried, on the case, the meeting, the staff account or the year's national return the email is about.
    private func record(sent: Bool, _ emailOutcome: EmailOutcome, reason: String, about subject: Subject, rowID: String)
        throws(CommandError)
    {
        let commandID = NameBasedUUID.make("outbox|\(sent ? "sent" : "failed")|\(rowID)")
        try workflow.handler.run(by: .system, commandID: commandID) { session throws(CommandError) in
            switch subject {
            case .caseStream(let caseID):
                try session.decideOnCase(
                    caseID, sent ? .recordEmailSent(emailOutcome) : .recordEmailFailed(emailOutcome, reason: reason),
                    schedules: workflow.schedules, links: workflow.links)
            case .meetingStream(let meetingID):
                try session.decide(
                    MeetingDecider.self, meetingID.streamID,
                    sent ? .recordEmailSent(emailOutcome) : .recordEmailFailed(emailOutcome, reason: reason))
            case .userStream(let userID):
                try session.decide(
                    UserDecider.self, userID.streamID,
                    sent ? .recordEmailSent(emailOutcome) : .recordEmailFailed(emailOutcome, reason: reason))
            case .nationalReturnStream(let stream):
                try session.decide(
                    NationalReturnLogDecider.self, stream,
                    sent ? .recordEmailSent(emailOutcome) : .recordEmailFailed(emailOutcome, reason: reason))
            }
        }
    }

    private func outcome(_ row: OutboxRow, _ result: String, _ detail: String) -> Outcome {
        Outcome(
            outboxId: row.outboxID, caseReference: row.caseID.flatMap(CaseID.init).map(\.reference) ?? row.streamID,
            template: row.template, recipientRole: row.recipientRole, result: result, detail: detail)
    }
}

import CDOPDomain
import CDOPMail
import CDOPPrimitives
import CDOPProjections
import CDOPStore
import Foundation

/// The HTTPS adapter's second half: posts the queued case documents of national returns to NCMD's endpoint,
/// beside the mail dispatcher and with its policy (`DeliveryPolicy`): due deliveries are claimed in a write
/// transaction with a lease, each is posted with `Authorization: Bearer TOKEN` and its `Idempotency-Key`, and
/// every outcome is an event on the case: sent (2xx), retry scheduled (no answer, a timeout, 408, 429 or 5xx,
/// with exponential backoff and jitter), or failed (any other status, or too many attempts), which also queues
/// an alert to the coordinator in the mail outbox. Delivery is at least once: a sender killed between posting and
/// recording leaves its claim to expire, and the re-post carries the same Idempotency-Key.
package struct NationalReturnSender: Sendable {
    package let workflow: CaseWorkflow
    package let endpoint: NationalReturnEndpoint
    package var policy = DeliveryPolicy()
    package var poster: HTTPSPoster

    package init(workflow: CaseWorkflow, endpoint: NationalReturnEndpoint) {
        self.workflow = workflow
        self.endpoint = endpoint
        poster = HTTPSPoster(caFile: endpoint.caFile)
    }

    /// What became of one attempt, for `cdop ncmd send` and tests (no document, no token).
    package struct Outcome: Sendable, Equatable, Codable {
        package var deliveryKey: String
        package var caseReference: String
        package var year: Int
        /// "sent", "retry" or "failed".
        package var result: String
        package var detail: String
    }

    /// Claims and posts one batch of due deliveries.
    package func sendOnce() async -> [Outcome] {
        let now = workflow.handler.clock.now()
        let claimed = DeliveryRounds.claim(
            in: workflow.handler.store, now: now, policy: policy, NationalReturnQueueQueries.claim)
        return await DeliveryRounds.work(
            claimed, release: { release($0.map(\.deliveryKey)) }, each: { row in await send(row, now: now) })
    }

    /// Sends until nothing is due (or `rounds` batches), for `cdop ncmd send` and tests.
    package func sendAll(rounds: Int = 1000) async -> [Outcome] {
        await DeliveryRounds.untilEmpty(rounds: rounds) { await sendOnce() }
    }

    /// Sends every `interval` until the task is cancelled (the server's service loop).
    package func run(every interval: Duration) async {
        await DeliveryRounds.every(interval) { _ = await sendAll() }
    }

    private func release(_ keys: [String]) {
        _ = try? workflow.handler.store.transaction { db in try NationalReturnQueueQueries.release(keys, in: db) }
    }

    private func send(_ row: NationalReturnQueueRow, now: Date) async -> Outcome? {
        guard let caseID = CaseID(row.caseID), let state = try? workflow.caseState(caseID),
            let delivery = state.nationalReturnDeliveries.first(where: { $0.key == row.deliveryKey }),
            delivery.outcome == .pending
        else {
            release([row.deliveryKey])
            return nil
        }
        let attempts = delivery.attempts + 1
        let answer: NationalReturnAnswer
        do {
            let status = try await poster.post(
                Data(delivery.document.utf8), to: endpoint.url,
                headers: [
                    ("Content-Type", "application/json"), ("Accept", "application/json"),
                    ("Authorization", "Bearer \(endpoint.token)"), ("Idempotency-Key", delivery.key),
                ])
            answer = NationalReturnAnswer(status: status)
        } catch {
            answer = .unanswered(error.description)
        }
        let command: CaseCommand
        let outcome: Outcome
        func result(_ name: String, _ detail: String) -> Outcome {
            Outcome(
                deliveryKey: delivery.key, caseReference: caseID.reference, year: delivery.year, result: name,
                detail: detail)
        }
        switch answer {
        case .accepted(let status):
            command = .recordNationalReturnSent(deliveryKey: delivery.key, status: status, attempts: attempts)
            outcome = result("sent", "HTTP \(status)")
        case .refused(let reason):
            command = .recordNationalReturnFailed(deliveryKey: delivery.key, reason: reason, attempts: attempts)
            outcome = result("failed", reason)
        case .transient(let reason):
            switch policy.next(afterFailedAttempt: attempts) {
            case .retry(let wait):
                command = .recordNationalReturnRetry(
                    deliveryKey: delivery.key, attempts: attempts, retryAt: now.addingTimeInterval(wait),
                    reason: reason)
                outcome = result("retry", "\(reason); next attempt in \(Int(wait)) s")
            case .giveUp:
                let reason = "gave up after \(attempts) attempts: \(reason)"
                command = .recordNationalReturnFailed(deliveryKey: delivery.key, reason: reason, attempts: attempts)
                outcome = result("failed", reason)
            }
        }
        let commandID = NameBasedUUID.make("ncmd|\(outcome.result)|\(delivery.key)|\(attempts)")
        do {
            try workflow.handler.run(by: .system, commandID: commandID) { session throws(CommandError) in
                try session.decideOnCase(caseID, command, schedules: workflow.schedules)
            }
        } catch {
            // The claim is kept until its lease runs out: the next attempt waits that long.
            return result(outcome.result, "\(outcome.detail), but not yet recorded: \(error.code)")
        }
        release([row.deliveryKey])
        return outcome
    }
}

/// How the sender reads the endpoint's answer to a post.
enum NationalReturnAnswer: Equatable {
    /// 2xx: the receiver has the document.
    case accepted(Int)
    /// Refused for good (a 4xx other than 408 and 429, or a status the contract does not know).
    case refused(String)
    /// May pass: no answer, a timeout, 408, 429 or 5xx.
    case transient(String)

    init(status: Int) {
        switch status {
        case 200...299: self = .accepted(status)
        case 408, 429, 500...599: self = .transient("NCMD's endpoint answered HTTP \(status)")
        case 401, 403:
            self = .refused(
                "NCMD's endpoint refused the bearer token (HTTP \(status)); check CDOP_NCMD_TOKEN or CDOP_NCMD_TOKEN_FILE"
            )
        default: self = .refused("NCMD's endpoint refused the document (HTTP \(status))")
        }
    }

    static func unanswered(_ reason: String) -> NationalReturnAnswer { .transient(reason) }
}

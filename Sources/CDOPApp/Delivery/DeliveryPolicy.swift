import Foundation

/// How the senders of queued work (the mail outbox, the national return's HTTPS posts) claim and retry it: a
/// batch claimed at a time in a write transaction, each claim a lease that runs out if its sender dies, and a
/// transient failure retried with exponential backoff and jitter until too many attempts make it a dead letter.
package struct DeliveryPolicy: Sendable, Equatable {
    /// How long a claim lasts before another sender may take the work.
    package var lease: TimeInterval = 300
    package var batchSize = 50
    package var maximumAttempts = 8
    /// The first retry waits this long; each later one twice as long, up to `maximumBackoff`.
    package var initialBackoff: TimeInterval = 30
    package var maximumBackoff: TimeInterval = 3600
    /// The factor each wait is multiplied by, drawn at random from this range (±20%).
    package var jitter: ClosedRange<Double> = 0.8...1.2

    package init() {}

    /// What to do after attempt `attempts` failed for a reason that may pass.
    package enum NextStep: Sendable, Equatable {
        /// Try again after `wait` seconds.
        case retry(after: TimeInterval)
        /// Too many attempts: give up and record a dead letter.
        case giveUp
    }

    package func next(afterFailedAttempt attempts: Int) -> NextStep {
        attempts >= maximumAttempts ? .giveUp : .retry(after: backoff(after: attempts))
    }

    /// Exponential backoff with jitter, capped: the wait after attempt `attempts` (1 for the first).
    package func backoff(after attempts: Int) -> TimeInterval {
        let base = min(initialBackoff * pow(2, Double(max(0, attempts - 1))), maximumBackoff)
        return base * Double.random(in: jitter)
    }
}

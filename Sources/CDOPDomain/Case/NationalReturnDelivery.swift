import Foundation

/// One case document of a national return on its way to NCMD through the HTTPS adapter, folded from its events.
package struct NationalReturnDelivery: Hashable, Sendable {
    /// Where the delivery stands.
    package enum Outcome: Hashable, Sendable {
        /// Waiting for its first attempt, or for `retryAt` after a transient failure.
        case pending
        case sent(status: Int, at: Date)
        case failed(reason: String, at: Date)
    }

    /// The post's Idempotency-Key.
    package var key: String
    package var year: Int
    package var manifestHash: String
    package var nationalCaseKey: String
    package var document: String
    package var queuedAt: Date
    /// Attempts made so far.
    package var attempts = 0
    /// When the next attempt is due, after a transient failure.
    package var retryAt: Date?
    package var lastError: String?
    package var outcome = Outcome.pending

    package init(_ queued: NationalReturnQueued) {
        key = queued.deliveryKey
        year = queued.year
        manifestHash = queued.manifestHash
        nationalCaseKey = queued.nationalCaseKey
        document = queued.document
        queuedAt = queued.at
    }

    /// The state's word for the queue ("pending", "sent", "failed").
    package var stateName: String {
        switch outcome {
        case .pending: "pending"
        case .sent: "sent"
        case .failed: "failed"
        }
    }
}

extension NationalReturnDelivery {
    /// The Idempotency-Key of a case's document in a return: the same for the same return and case, in every
    /// process, so that a re-post after a crash (or the same return queued twice) is recognisable.
    package static func key(year: Int, manifestHash: String, caseID: CaseID) -> String {
        NameBasedUUID.make("ncmd-return|\(year)|\(manifestHash.lowercased())|\(caseID)").uuidString.lowercased()
    }
}

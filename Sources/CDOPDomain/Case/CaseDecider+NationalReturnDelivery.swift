import Foundation

/// The case's documents of national returns, and what became of sending each to NCMD.
extension CaseDecider {
    /// Queues a document once: the same delivery key again (the same return queued twice) queues nothing.
    static func queueNationalReturn(_ document: NationalReturnDocument, _ state: CaseState, _ now: Date)
        throws(DomainError) -> [CaseEvent]
    {
        if state.nationalReturnDeliveries.contains(where: { $0.key == document.deliveryKey }) { return [] }
        guard !document.deliveryKey.isEmpty, !document.nationalCaseKey.isEmpty else {
            throw DomainError(
                code: "ncmd.documentUnnamed", "A case document of a national return needs its delivery and case keys.")
        }
        guard !document.document.isEmpty else {
            throw DomainError(code: "ncmd.documentEmpty", "The case document of the \(document.year) return is empty.")
        }
        return [
            .nationalReturnQueued(
                NationalReturnQueued(
                    deliveryKey: document.deliveryKey, year: document.year, manifestHash: document.manifestHash,
                    nationalCaseKey: document.nationalCaseKey, document: document.document, at: now))
        ]
    }

    /// Records what an attempt to post a queued document came to. Each outcome is recorded once: a delivery
    /// already sent or failed records nothing more, nor does a retry of an attempt already recorded.
    static func recordNationalReturnOutcome(_ command: CaseCommand, _ state: CaseState, _ now: Date)
        throws(DomainError) -> [CaseEvent]
    {
        let key: String
        switch command {
        case .recordNationalReturnSent(let k, _, _), .recordNationalReturnRetry(let k, _, _, _),
            .recordNationalReturnFailed(let k, _, _):
            key = k
        default: return []
        }
        guard let delivery = state.nationalReturnDeliveries.first(where: { $0.key == key }) else {
            throw DomainError(
                code: "ncmd.unknownDelivery", "The case has no national-return document queued as \(key).")
        }
        guard delivery.outcome == .pending else { return [] }
        switch command {
        case .recordNationalReturnSent(_, let status, let attempts):
            return [
                .nationalReturnSent(NationalReturnSent(deliveryKey: key, status: status, attempts: attempts, at: now))
            ]
        case .recordNationalReturnRetry(_, let attempts, let retryAt, let reason):
            guard attempts > delivery.attempts else { return [] }
            return [
                .nationalReturnRetryScheduled(
                    NationalReturnRetryScheduled(
                        deliveryKey: key, attempts: attempts, retryAt: Timestamp.normalised(retryAt), reason: reason,
                        at: now))
            ]
        case .recordNationalReturnFailed(_, let reason, let attempts):
            return [
                .nationalReturnDeliveryFailed(
                    NationalReturnDeliveryFailed(deliveryKey: key, reason: reason, attempts: attempts, at: now))
            ]
        default:
            return []
        }
    }
}

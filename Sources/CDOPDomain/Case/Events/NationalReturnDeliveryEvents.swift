import Foundation

/// A case's document of an annual national return was queued for the National Child Mortality Database, to be
/// posted by the HTTPS adapter. `deliveryKey` is the post's Idempotency-Key: derived from the return (its year
/// and manifest hash) and the case, so the same return queued again, or posted again after a crash, carries it.
/// The document holds the national items of the case's finalised forms, as the return wrote it.
package struct NationalReturnQueued: EventPayload {
    package static let typeName = "case.nationalReturnQueued.v1"
    package var deliveryKey: String
    package var year: Int
    /// The SHA-256 (hex) of the return's manifest.
    package var manifestHash: String
    /// The case's key in the national data set.
    package var nationalCaseKey: String
    /// The case's JSON document, as posted.
    package var document: String
    package var at: Date

    package var summary: String { "Case document of the \(year) national return queued to be sent to NCMD" }
}

/// NCMD's endpoint accepted a case's document of a national return.
package struct NationalReturnSent: EventPayload {
    package static let typeName = "case.nationalReturnSent.v1"
    package var deliveryKey: String
    /// The HTTP status the endpoint answered.
    package var status: Int
    package var attempts: Int
    package var at: Date

    package var summary: String {
        "Case document of the national return accepted by NCMD (HTTP \(status), attempt \(attempts))"
    }
}

/// Posting a case's document of a national return failed for a reason that may pass (no connection, a timeout,
/// the endpoint busy): it is tried again at `retryAt`.
package struct NationalReturnRetryScheduled: EventPayload {
    package static let typeName = "case.nationalReturnRetryScheduled.v1"
    package var deliveryKey: String
    package var attempts: Int
    package var retryAt: Date
    /// What went wrong, in an operator's words (never the document or the token).
    package var reason: String
    package var at: Date

    package var summary: String {
        "Sending the case document to NCMD failed (attempt \(attempts)): \(reason); tried again at \(Timestamp.format(retryAt))"
    }
}

/// A case's document of a national return could not be delivered: refused by the endpoint, or too many
/// failed attempts. The coordinator is told by email.
package struct NationalReturnDeliveryFailed: EventPayload {
    package static let typeName = "case.nationalReturnDeliveryFailed.v1"
    package var deliveryKey: String
    package var reason: String
    package var attempts: Int
    package var at: Date

    package var summary: String {
        "The case document could not be sent to NCMD after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason)"
    }
}

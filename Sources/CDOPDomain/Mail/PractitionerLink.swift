import Foundation

/// A link a practitioner uses to answer one form request: recorded by its token's hash only.
package struct PractitionerLink: Hashable, Sendable {
    package var requestID: FormRequestID
    package var tokenHash: String
    package var issuedAt: Date
    package var expiresAt: Date
}

/// What became of an outbox email.
package enum EmailDelivery: Hashable, Sendable {
    case sent(at: Date)
    case failed(reason: String, at: Date)
}

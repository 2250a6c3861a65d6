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

extension CaseState {
    /// Whether a link may still be used: not expired, the request still awaiting an answer, not superseded.
    package func linkIsUsable(_ link: PractitionerLink, at now: Date) -> Bool {
        guard now < link.expiresAt, let request = request(link.requestID), request.acceptsReturn,
            links.last(where: { $0.requestID == link.requestID }) == link
        else { return false }
        return request.resolution == nil
    }
}

import Foundation

/// Whether a practitioner's link may be used now: to the request it answers, or why not.
package enum LinkUse: Hashable, Sendable {
    case usable(FormRequest)
    case refused(LinkRefusal)

    /// The request, when the link is usable.
    package var request: FormRequest? {
        if case .usable(let request) = self { request } else { nil }
    }
}

/// Why a practitioner's link cannot be used. The messages are written for the practitioner; the page adds
/// the coordinator's contact details.
package enum LinkRefusal: Hashable, Sendable {
    /// No link with this token was issued on the case.
    case unknown
    /// The link's lifetime ended at `at`.
    case expired(at: Date)
    /// A later link was issued for the same request; only the latest works.
    case superseded
    /// The form was already returned, or no information held was declared.
    case returned
    /// The coordinator withdrew or waived the request.
    case withdrawn
    /// The case is closed, or no longer reviewed by this panel.
    case caseClosed

    /// A stable code for logs and the API.
    package var code: String {
        switch self {
        case .unknown: "link.unknown"
        case .expired: "link.expired"
        case .superseded: "link.superseded"
        case .returned: "link.formReturned"
        case .withdrawn: "link.requestWithdrawn"
        case .caseClosed: "link.caseClosed"
        }
    }

    /// What the practitioner reads.
    package var message: String {
        switch self {
        case .unknown:
            "This link is not recognised. Check that you copied the whole link from the email, or contact the CDOP coordinator."
        case .expired:
            "This link has expired. Contact the CDOP coordinator for a new one."
        case .superseded:
            "A newer link has been sent for this form. Use the link in the most recent email, or contact the CDOP coordinator."
        case .returned:
            "This form has already been returned. Thank you. Contact the CDOP coordinator if you need to add anything."
        case .withdrawn:
            "This form is no longer needed. Contact the CDOP coordinator if you think this is wrong."
        case .caseClosed:
            "The review this form was for has closed, so it can no longer be answered here. Contact the CDOP coordinator if you hold new information."
        }
    }
}

extension CaseState {
    /// Whether the link whose token hashes to `tokenHash` may be used at `now`. A returned form is told
    /// first, then a case that closed or left the panel, then a withdrawn request, then whether this is the
    /// latest link and still in date.
    package func linkUse(tokenHash: String, now: Date) -> LinkUse {
        guard let index = links.firstIndex(where: { $0.tokenHash == tokenHash }),
            let request = request(links[index].requestID)
        else { return .refused(.unknown) }
        let link = links[index]
        switch request.resolution {
        case .returned, .declinedNoInformation: return .refused(.returned)
        default: break
        }
        // A case that leaves the panel withdraws its requests: the practitioner is told the case closed.
        if isClosed || duplicateOf != nil || transfer != nil || outOfScope != nil { return .refused(.caseClosed) }
        switch request.resolution {
        case .withdrawn, .waived: return .refused(.withdrawn)
        default: break
        }
        if links[(index + 1)...].contains(where: { $0.requestID == link.requestID }) { return .refused(.superseded) }
        if now >= link.expiresAt { return .refused(.expired(at: link.expiresAt)) }
        return .usable(request)
    }
}

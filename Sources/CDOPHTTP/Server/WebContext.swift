import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// What a handler knows about the request beyond the request itself: where it came from and who is signed in.
package struct WebContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The address the connection comes from (the proxy's, behind one).
    package let socketAddress: String
    /// The client's address, the key of the rate limits: the socket's peer, or behind a trusted proxy the client
    /// its `X-Forwarded-For` names (`ClientAddressMiddleware`, `TrustedProxies`).
    package var peerAddress: String
    /// The signed-in member of staff, set by the session middleware; nil for the public and practitioners.
    package var staff: StaffIdentity?
    /// The route being served, as declared in `RouteTable` (set before its access is checked).
    package var route: RouteSpec?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        socketAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        peerAddress = socketAddress
        staff = nil
        route = nil
    }

    /// The case the path names (`:case`), when it is a case id: what an access log entry may say of it.
    package var pathCaseID: CaseID? { parameters.get("case").flatMap(CaseID.init) }

    /// The meeting the path names (`:meeting`), when it is a meeting id.
    package var pathMeetingID: MeetingID? { parameters.get("meeting").flatMap(MeetingID.init) }

    /// The largest body a page or the API accepts (a Form B with long answers is well under this).
    package var maxUploadSize: Int { WebLimits.maxFormBytes }
}

/// Fixed limits of the web server.
package enum WebLimits {
    /// API request bodies above this are refused with 413.
    package static let maxBodyBytes = 512 * 1024
    /// Form posts from pages are read up to this: enough for every field of the largest form at its most
    /// characters, even percent-encoded, so an answer that is too long comes back as an error beside its field
    /// (each field's length is checked against its form) rather than as a bare 413.
    package static let maxFormBytes = 8 * 1024 * 1024
}

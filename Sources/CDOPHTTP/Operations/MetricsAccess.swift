import Crypto
import Foundation

/// Who may read /metrics: with `CDOP_METRICS_TOKEN` set, whoever sends it as a bearer token; without it, only
/// a client on this machine that did not come through the proxy (nginx sets X-Forwarded-For).
package enum MetricsAccess {
    package static func allows(authorization: String?, peer: String, forwarded: Bool, token: String?) -> Bool {
        if let token {
            guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
            let given = SHA256.hash(data: Data(authorization.dropFirst(7).utf8))
            let wanted = SHA256.hash(data: Data(token.utf8))
            // Equal-length digests compared in constant time.
            return given == wanted
        }
        return !forwarded && ["127.0.0.1", "::1", "::ffff:127.0.0.1"].contains(peer)
    }
}

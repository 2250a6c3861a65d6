/// Why an HTTPS post got no answer from the server. Descriptions are written for an operator and never contain
/// the posted body or the request's headers (the bearer token is among them).
package enum HTTPSPostError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached: refused, unreachable, name not resolved, or the connection dropped.
    case connectionFailed(server: String, detail: String)
    /// The server did not answer within the timeout.
    case timedOut(server: String)
    /// The server's certificate did not verify, or TLS could not be set up.
    case tlsFailed(server: String, detail: String)
    /// Any other failure of libcurl, with its code.
    case transportFailed(server: String, curlCode: Int, detail: String)

    package var description: String {
        switch self {
        case .connectionFailed(let server, let detail): "could not reach \(server) (\(detail))"
        case .timedOut(let server): "\(server) did not answer in time"
        case .tlsFailed(let server, let detail): "TLS with \(server) failed (\(detail))"
        case .transportFailed(let server, let code, let detail):
            "posting to \(server) failed (libcurl error \(code): \(detail))"
        }
    }

    /// Classifies a libcurl failure.
    static func classify(curlCode: Int, server: String, detail: String) -> HTTPSPostError {
        switch curlCode {
        case 5, 6, 7, 52, 55, 56: .connectionFailed(server: server, detail: detail)
        case 28: .timedOut(server: server)
        case 35, 58, 59, 60, 77, 83, 90, 91: .tlsFailed(server: server, detail: detail)
        default: .transportFailed(server: server, curlCode: curlCode, detail: detail)
        }
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (no inline script or style, nothing from
/// elsewhere), no framing, no MIME sniffing, no referrer (a practitioner's link must never leak to another
/// site), and no caching of anything but the static files (pages hold personal data).
package struct SecurityHeadersMiddleware: RouterMiddleware {
    package typealias Context = WebContext

    package static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    package init() {}

    package func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if request.uri.path.hasPrefix("/static/") {
            response.headers[.cacheControl] = "public, max-age=3600"
        } else {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

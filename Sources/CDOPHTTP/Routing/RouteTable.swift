import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The server's routes, each declared with its access. Registering through here is the only way to add a
/// route, so the list the route-matrix test walks is the list the server serves.
package final class RouteTable: @unchecked Sendable {
    package typealias Handler = @Sendable (Request, WebContext) async throws -> Response
    /// A named handler that is handed the server's services with each request.
    package typealias ServiceHandler = @Sendable (Request, WebContext, WebServices) async throws -> Response

    package let router: Router<WebContext>
    private let services: WebServices
    private let refusals: AccessRefusals
    package private(set) var specs: [RouteSpec] = []

    init(router: Router<WebContext>, services: WebServices) {
        self.router = router
        self.services = services
        self.refusals = AccessRefusals(services: services)
    }

    package func get(_ path: String, _ access: Access, _ kind: RouteKind = .page, _ handler: @escaping Handler) {
        add(.get, path, access, kind, handler)
    }

    package func post(_ path: String, _ access: Access, _ kind: RouteKind = .page, _ handler: @escaping Handler) {
        add(.post, path, access, kind, handler)
    }

    package func get(_ path: String, _ access: Access, _ kind: RouteKind, _ handler: @escaping ServiceHandler) {
        add(.get, path, access, kind, handler)
    }

    package func post(_ path: String, _ access: Access, _ kind: RouteKind, _ handler: @escaping ServiceHandler) {
        add(.post, path, access, kind, handler)
    }

    package func add(
        _ method: HTTPRequest.Method, _ path: String, _ access: Access, _ kind: RouteKind,
        _ handler: @escaping ServiceHandler
    ) {
        let services = services
        add(method, path, access, kind) { request, context in try await handler(request, context, services) }
    }

    package func add(
        _ method: HTTPRequest.Method, _ path: String, _ access: Access, _ kind: RouteKind, _ handler: @escaping Handler
    ) {
        let spec = RouteSpec(method: method.rawValue, path: path, access: access, kind: kind)
        specs.append(spec)
        let refusals = refusals
        router.on(RouterPath(path), method: method) { request, context in
            // A generated password's session must set a new one before anything else.
            guard PasswordChangeGate.admits(context.staff, to: spec) else { return PasswordChangeGate.refusal(spec) }
            var context = context
            context.route = spec
            guard access.allows(context.staff) else {
                return try await refusals.refuse(request, context: context, route: spec)
            }
            var request = request
            if method != .get, method != .head {
                // Every form post and unsafe API call carries a CSRF token: the session's for staff, the
                // double-submit cookie's for the public and practitioners (checked in constant time).
                if let refusal = try await refusals.checkCSRF(&request, context: context, route: spec) {
                    return refusal
                }
            }
            return try await handler(request, context)
        }
    }
}

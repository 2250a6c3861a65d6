import CDOPApp
import HTTPTypes
import Hummingbird

/// Finds the client behind a trusted reverse proxy (`CDOP_TRUSTED_PROXIES`), before anything keys on its address.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    let proxies: TrustedProxies

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.peerAddress = proxies.clientAddress(
            peer: context.socketAddress, forwardedFor: request.headers[values: Self.forwardedFor])
        return try await next(request, context)
    }
}

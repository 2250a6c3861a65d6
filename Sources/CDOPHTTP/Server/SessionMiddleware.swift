import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Finds the member of staff behind the session cookie, if any, before routing.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "cdop_session"

    let services: WebServices

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value,
            let session = try? services.sessions.resolve(token: token, now: services.now)
        {
            context.staff = StaffIdentity(user: session.user, csrfToken: session.csrfToken, sessionToken: token)
        }
        return try await next(request, context)
    }
}

import CDOPApp
import Foundation
import HTTPTypes
import Hummingbird

/// What a handler's error becomes: for the JSON API, an RFC 9457 problem; for a browser, the error page with a
/// way back. A server fault (the database failing) is 503 on both, never a refusal of the person's input.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext

    let services: WebServices

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = API.problem(for: error)
            if request.uri.path.hasPrefix("/api/") { return problem.response }
            let status = HTTPResponse.Status(code: problem.status)
            return services.renderer.page(
                "error", ErrorPage(heading: Self.heading(status, problem), message: problem.detail),
                chrome: services.chrome(Self.heading(status, problem), context, path: request.uri.path), status: status)
        }
    }

    static func heading(_ status: HTTPResponse.Status, _ problem: Problem) -> String {
        switch status.code {
        case 404: "Page not found"
        case 503: "Sorry, the service is unavailable"
        case 500...: "Sorry, there is a problem with the service"
        default: problem.title
        }
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// What the server answers when a request may not go on: sign in first, not your role (recorded), or a form
/// post without its CSRF token.
struct AccessRefusals: Sendable {
    let services: WebServices

    func refuse(_ request: Request, context: WebContext, route: RouteSpec) async throws -> Response {
        guard let staff = context.staff else {
            switch route.kind {
            case .api: return Problem.notSignedIn().response
            case .page:
                let next = request.method == .get ? request.uri.path : "/"
                return redirect(
                    to: "/sign-in?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
        }
        try? services.accessLog.recordAccessRefused(
            route.description, reason: .role, caseID: context.pathCaseID, meetingID: context.pathMeetingID,
            by: staff.user)
        switch route.kind {
        case .api: return Problem.forbidden().response
        case .page:
            return services.renderer.page(
                "error",
                ErrorPage(
                    heading: "You cannot see this page",
                    message:
                        "Your role does not allow it. The attempt has been recorded. If you need access, ask the CDOP coordinator or an administrator."
                ),
                chrome: services.chrome("You cannot see this page", context, path: request.uri.path), status: .forbidden
            )
        }
    }

    /// nil when the request carries the right token; else the refusal. Reads a form body once and keeps it on
    /// the request for the handler.
    func checkCSRF(_ request: inout Request, context: WebContext, route: RouteSpec) async throws -> Response? {
        if route.kind == .api, context.staff == nil || !route.access.isStaffOnly {
            // Without a session there is no ambient authority to forge; a JSON body (which a cross-site form
            // cannot send without a CORS preflight this server never grants) is all that is asked.
            let type = request.headers[.contentType]?.lowercased() ?? ""
            return type.hasPrefix("application/json")
                ? nil
                : Problem(
                    status: .unsupportedMediaType, code: "input.notJSON", title: "JSON expected",
                    detail: "Send the body as JSON with Content-Type: application/json."
                ).response
        }
        let expected: String?
        if let staff = context.staff, case .staff = route.access {
            expected = staff.csrfToken
        } else {
            expected = request.cookies[CSRF.cookieName]?.value
        }
        let given: String?
        switch route.kind {
        case .api: given = request.headers[CSRF.headerName]
        case .page: given = try await request.formPost(context: context)[CSRF.fieldName]
        }
        if let expected, CSRF.matches(given, expected) { return nil }
        switch route.kind {
        case .api: return Problem.csrf().response
        case .page:
            return services.renderer.page(
                "error",
                ErrorPage(
                    heading: "This form has expired",
                    message:
                        "For your security the form could not be accepted. Go back, reload the page and send it again. Nothing you typed was saved."
                ),
                chrome: services.chrome("This form has expired", context, path: request.uri.path), status: .forbidden)
        }
    }
}

/// The content of the error page.
struct ErrorPage: Sendable, Encodable {
    var heading: String
    var message: String
    var contact: String? = nil
}

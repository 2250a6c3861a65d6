import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in (password, then the one-time code where the account has a second factor), and signing out.
enum SignInPages {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/sign-in", .everyone, .page, showSignIn)
        routes.post("/sign-in", .everyone, .page, signIn)
        routes.post("/sign-out", .anyStaff, .page, signOut)
    }

    /// GET /sign-in
    static func showSignIn(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let (token, isNew) = CSRF.anonymousToken(request)
        let query = request.uri.queryParameters
        let notice =
            query.get("changed") != nil
            ? "Your password has been changed. Sign in with your new password."
            : query.get("signedOut") != nil ? "You have signed out." : nil
        var response = page(services, context, csrf: token, next: query.get("next"), notice: notice)
        if isNew { response.setCookie(CSRF.cookie(token, secure: services.secureCookies)) }
        return response
    }

    /// POST /sign-in
    static func signIn(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let csrf = request.cookies[CSRF.cookieName]?.value ?? ""
        let next = SignInRedirect.safe(post["next"])
        guard await services.limits.signIn.allow(context.peerAddress, now: services.now) else {
            return page(
                services, context, csrf: csrf, next: next, username: post["username"],
                errors: [
                    .init(
                        field: "username",
                        message: "Too many attempts from your connection. Wait a few minutes and try again.")
                ],
                status: .tooManyRequests)
        }
        var errors: [PageChrome.ErrorLink] = []
        if post["username"] == nil { errors.append(.init(field: "username", message: "Enter your username")) }
        if post["password"] == nil { errors.append(.init(field: "password", message: "Enter your password")) }
        guard errors.isEmpty, let username = post["username"], let password = post.values["password"]?.first else {
            return page(
                services, context, csrf: csrf, next: next, username: post["username"], errors: errors,
                status: .unprocessableContent)
        }
        do {
            let user = try services.users.authenticate(
                username: username, password: password, code: post["code"], source: context.peerAddress,
                now: services.now)
            let session = try services.sessions.create(for: user.id, now: services.now)
            // A first or reset password must be changed before anything else.
            var response = redirect(to: user.mustChangePassword ? "/account?mustChange=1" : next)
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: session.token, path: "/", secure: services.secureCookies,
                    httpOnly: true, sameSite: .strict))
            return response
        } catch let error as SignInError {
            let field = error.isAboutCode ? "code" : "username"
            return page(
                services, context, csrf: csrf, next: next, username: username,
                askCode: error.isAboutCode || post["code"] != nil,
                errors: [.init(field: field, message: try refusal(error))], status: .unprocessableContent)
        }
    }

    /// POST /sign-out
    static func signOut(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        if let staff = context.staff { try? services.users.signOut(token: staff.sessionToken, now: services.now) }
        var response = redirect(to: "/sign-in?signedOut=1")
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: services.secureCookies,
                httpOnly: true, sameSite: .strict))
        return response
    }

    struct SignInView: Encodable {
        var next: String
        var username: String
        var askCode: Bool
    }

    static func page(
        _ services: WebServices, _ context: WebContext, csrf: String, next: String?, username: String? = nil,
        askCode: Bool = false,
        errors: [PageChrome.ErrorLink] = [], notice: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        services.renderer.page(
            "sign-in", SignInView(next: SignInRedirect.safe(next), username: username ?? "", askCode: askCode),
            chrome: services.chrome("Sign in", context, path: "/sign-in", csrf: csrf, notice: notice, errors: errors),
            status: status)
    }
}

extension SignInError {
    /// Whether the error is about the one-time code (shown beside the code field).
    var isAboutCode: Bool {
        switch self {
        case .secondFactorRequired, .codeWrong, .codeReused: true
        default: false
        }
    }
}

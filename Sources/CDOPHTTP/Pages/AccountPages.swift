import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// A member of staff's own account: who they are, their roles and areas, and changing their password.
enum AccountPages {
    struct AccountView: Encodable {
        var displayName: String
        var username: String
        var roles: String
        var areas: String
        var secondFactor: Bool
    }

    struct SecondFactorView: Encodable {
        /// The key in groups of four, for typing into an app by hand.
        var key: String
        var uri: String
        /// An administrator moving their authenticator: the page asks for their password and a current code too.
        var reauthenticate: Bool
        /// What is wrong beside each field, if anything.
        var codeError: String?
        var passwordError: String?
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/account", .anyStaff, .page, showAccount)
        routes.get("/account/second-factor", .anyStaff, .page, showSecondFactor)
        routes.post("/account/second-factor", .anyStaff, .page, enrolSecondFactor)
        routes.post("/account/password", .anyStaff, .page, changePassword)
    }

    /// GET /account
    static func showAccount(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let notice =
            request.uri.queryParameters.get("enrolled") != nil
            ? "Your authenticator app is set up. From now on, signing in asks for its code."
            : request.uri.queryParameters.get("changed") != nil
                ? "Your password has been changed."
                : context.staff?.user.mustChangePassword == true
                    ? "Choose a new password before you go on: the one you were given works only once." : nil
        return try page(services, context, notice: notice)
    }

    /// GET /account/second-factor
    static func showSecondFactor(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let user = try context.requireStaff().user
        let moving = try moveNeedsReauthentication(services, user)
        let enrolment = try services.users.enrolSecondFactor(user.id)
        return secondFactorPage(services, context, enrolment, reauthenticate: moving != nil)
    }

    /// POST /account/second-factor
    static func enrolSecondFactor(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let user = try context.requireStaff().user
        guard let pending = try services.users.pendingSecondFactor(user.id) else {
            return redirect(to: "/account/second-factor")
        }
        let moving = try moveNeedsReauthentication(services, user)
        func refused(_ errors: [PageChrome.ErrorLink]) -> Response {
            secondFactorPage(
                services, context, pending, reauthenticate: moving != nil, errors: errors, status: .unprocessableContent
            )
        }
        guard let code = post["code"]?.filter({ !$0.isWhitespace }), code.count == 6, code.allSatisfy(\.isNumber) else {
            return refused([.init(field: "code", message: "Enter the 6-digit code your app shows")])
        }
        if let moving {
            // An administrator's authenticator moves only with their password and a code from the app they have.
            do {
                try services.users.reauthenticate(
                    user.id, password: post.values["password"]?.first ?? "", code: post["current-code"] ?? "",
                    for: moving,
                    source: context.peerAddress, now: services.now)
            } catch {
                return refused([.init(field: "password", message: describe(error))])
            }
        }
        do {
            try services.users.confirmSecondFactor(user.id, code: code, now: services.now)
        } catch {
            return refused([.init(field: "code", message: try refusal(error))])
        }
        return redirect(to: "/account?enrolled=1")
    }

    /// POST /account/password
    static func changePassword(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let user = try context.requireStaff().user
        var errors: [PageChrome.ErrorLink] = []
        let current = post.values["current"]?.first ?? ""
        let new = post.values["new"]?.first ?? ""
        if current.isEmpty { errors.append(.init(field: "current", message: "Enter your current password")) }
        if new.isEmpty { errors.append(.init(field: "new", message: "Enter a new password")) }
        if !new.isEmpty, new != (post.values["confirm"]?.first ?? "") {
            errors.append(.init(field: "confirm", message: "The two new passwords are not the same"))
        }
        if errors.isEmpty {
            do {
                try services.users.changePassword(user.id, old: current, new: new)
                // Changing the password signs every session out, this one too: the sign-in page says it worked.
                return redirect(to: "/sign-in?changed=1")
            } catch {
                errors.append(.init(field: "new", message: try refusal(error)))
            }
        }
        return try page(services, context, errors: errors, status: .unprocessableContent)
    }

    static func page(
        _ services: WebServices, _ context: WebContext, notice: String? = nil, errors: [PageChrome.ErrorLink] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let user = try context.requireStaff().user
        let view = AccountView(
            displayName: user.displayName, username: user.username,
            roles: user.roles.map(\.label).sorted().joined(separator: ", "),
            areas: user.areas.isEmpty ? "All of the panel's areas" : user.areas.sorted().joined(separator: ", "),
            secondFactor: try services.users.hasSecondFactor(user.id))
        return services.renderer.page(
            "account", view,
            chrome: services.chrome("Your account", context, path: "/account", notice: notice, errors: errors),
            status: status)
    }

    /// What moving `user`'s authenticator needs their password again for, if anything (an administrator's).
    static func moveNeedsReauthentication(_ services: WebServices, _ user: AuthenticatedUser) throws
        -> ReauthenticationPurpose?
    {
        SelfChange.secondFactorMove(by: user, hasSecondFactor: try services.users.hasSecondFactor(user.id))
    }

    static func secondFactorPage(
        _ services: WebServices, _ context: WebContext, _ enrolment: UserDirectory.SecondFactorEnrolment,
        reauthenticate: Bool, errors: [PageChrome.ErrorLink] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let groups = stride(from: 0, to: enrolment.secret.count, by: 4).map { start -> String in
            let from = enrolment.secret.index(enrolment.secret.startIndex, offsetBy: start)
            let to = enrolment.secret.index(from, offsetBy: min(4, enrolment.secret.count - start))
            return String(enrolment.secret[from..<to])
        }
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let view = SecondFactorView(
            key: groups.joined(separator: " "), uri: enrolment.otpauthURI, reauthenticate: reauthenticate,
            codeError: error("code"), passwordError: error("password"))
        return services.renderer.page(
            "second-factor", view,
            chrome: services.chrome("Set up your authenticator app", context, path: "/account", errors: errors),
            status: status)
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// A member of staff's own account: who they are, their roles and areas, and changing their password.
enum AccountPages {
    struct AccountView {
        var displayName: String
        var username: String
        var roles: String
        var areas: String
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/account", .anyStaff) { request, context in
            let notice =
                request.uri.queryParameters.get("changed") != nil
                ? "Your password has been changed."
                : context.staff?.user.mustChangePassword == true ? "Choose a new password before you go on: the one you were given works only once." : nil
            return page(services, context, notice: notice)
        }

        routes.post("/account/password", .anyStaff) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            guard let user = context.staff?.user else { throw HTTPError(.unauthorized) }
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
                    return redirect(to: "/account?changed=1")
                } catch {
                    errors.append(.init(field: "new", message: describe(error)))
                }
            }
            return page(services, context, errors: errors, status: .unprocessableContent)
        }
    }

    static func page(
        _ services: WebServices, _ context: WebContext, notice: String? = nil, errors: [PageChrome.ErrorLink] = [],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let user = context.staff!.user
        let view = AccountView(
            displayName: user.displayName, username: user.username,
            roles: user.roles.map(\.label).sorted().joined(separator: ", "),
            areas: user.areas.isEmpty ? "All of the panel's areas" : user.areas.sorted().joined(separator: ", "))
        return services.renderer.page(
            "account", view, chrome: services.chrome("Your account", context, path: "/account", notice: notice, errors: errors),
            status: status)
    }
}

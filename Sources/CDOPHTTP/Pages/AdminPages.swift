import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Administrators manage staff accounts: add (the first password is shown once), disable, enable and reset.
enum AdminPages {
    static let admins = Access.staff([.admin])

    struct UsersView {
        struct Row {
            var username: String
            var displayName: String
            var roles: String
            var areas: String
            var status: String
            var secondFactor: String
            var disableAction: String
            var enableAction: String
            var resetAction: String
            var disabled: Bool
        }

        struct Option {
            var id: String
            var value: String
            var label: String
        }

        var users: [Row]
        var roles: [Option]
        var areas: [Option]
        var issuedPassword: String?
        var issuedFor: String?
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/admin/users", admins) { _, context in
            try page(services, context)
        }

        routes.post("/admin/users", admins) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            var errors: [PageChrome.ErrorLink] = []
            let roles = Set(post.all("roles").compactMap(StaffRole.init(rawValue:)))
            if post["username"] == nil { errors.append(.init(field: "username", message: "Enter a username")) }
            if post["name"] == nil { errors.append(.init(field: "name", message: "Enter the person's name")) }
            if post["email"] == nil { errors.append(.init(field: "email", message: "Enter the person's email address")) }
            if roles.isEmpty { errors.append(.init(field: "roles", message: "Choose at least one role")) }
            guard errors.isEmpty, let username = post["username"], let name = post["name"], let email = post["email"] else {
                return try page(services, context, errors: errors, status: .unprocessableContent)
            }
            do {
                let account = try services.users.addUser(
                    username: username, displayName: name, email: email, roles: roles, areas: Set(post.all("areas")),
                    by: CasePages.actor(context))
                return try page(services, context, issued: (username, account.initialPassword))
            } catch {
                return try page(services, context, errors: [.init(field: "username", message: try refusal(error))], status: .unprocessableContent)
            }
        }

        routes.post("/admin/users/:user/disable", admins) { _, context in
            let user = try named(context, services)
            try perform { () throws(CommandError) in try services.users.disable(user.userID, reason: "Disabled by an administrator", by: CasePages.actor(context)) }
            return redirect(to: "/admin/users")
        }

        routes.post("/admin/users/:user/enable", admins) { _, context in
            let user = try named(context, services)
            try perform { () throws(CommandError) in try services.users.enable(user.userID, by: CasePages.actor(context)) }
            return redirect(to: "/admin/users")
        }

        routes.post("/admin/users/:user/reset-password", admins) { _, context in
            let user = try named(context, services)
            var password = ""
            try perform { () throws(CommandError) in password = try services.users.resetPassword(user.userID, by: CasePages.actor(context)) }
            return try page(services, context, issued: (user.username, password))
        }
    }

    static func named(_ context: WebContext, _ services: WebServices) throws -> UserSummary {
        guard let name = context.parameters.get("user"), let user = try? services.users.user(named: name) else {
            throw HTTPError(.notFound, message: "There is no user with that name.")
        }
        return user
    }

    static func perform(_ body: () throws(CommandError) -> Void) throws {
        do { try body() } catch { throw HTTPError(.unprocessableContent, message: try refusal(error)) }
    }

    static func page(
        _ services: WebServices, _ context: WebContext, issued: (String, String)? = nil, errors: [PageChrome.ErrorLink] = [],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let users = try services.users.list()
        let view = UsersView(
            users: users.map { user in
                let base = "/admin/users/\(user.username)"
                return UsersView.Row(
                    username: user.username, displayName: user.displayName,
                    roles: user.roles.map(\.label).sorted().joined(separator: ", "),
                    areas: user.areas.isEmpty ? "All" : user.areas.sorted().joined(separator: ", "),
                    status: user.disabled ? "Disabled" : "Active", secondFactor: user.secondFactorEnrolled ? "Yes" : "No",
                    disableAction: base + "/disable", enableAction: base + "/enable", resetAction: base + "/reset-password",
                    disabled: user.disabled)
            },
            roles: StaffRole.allCases.enumerated().map { index, role in
                UsersView.Option(id: index == 0 ? "roles" : "roles-\(index)", value: role.rawValue, label: role.label)
            },
            areas: services.engine.panel.areas.enumerated().map { index, area in
                UsersView.Option(id: index == 0 ? "areas" : "areas-\(index)", value: area.code, label: area.name)
            },
            issuedPassword: issued?.1, issuedFor: issued?.0)
        return services.renderer.page(
            "admin-users", view, chrome: services.chrome("Users", context, path: "/admin/users", errors: errors), status: status)
    }
}

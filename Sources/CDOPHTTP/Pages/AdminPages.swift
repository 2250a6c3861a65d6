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

    struct UsersView: Encodable {
        struct Row: Encodable {
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

        struct Option: Encodable {
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
        routes.get("/admin/users", admins, .page, listUsers)
        routes.post("/admin/users", admins, .page, createUser)
        routes.post("/admin/users/:user/disable", admins, .page, disableUser)
        routes.post("/admin/users/:user/enable", admins, .page, enableUser)
        routes.post("/admin/users/:user/reset-password", admins, .page, resetPassword)
    }

    /// GET /admin/users
    static func listUsers(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        try page(services, context)
    }

    /// POST /admin/users
    static func createUser(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
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
                by: context.requireStaff().actor)
            return try page(services, context, issued: (username, account.initialPassword))
        } catch {
            return try page(
                services, context, errors: [.init(field: "username", message: try refusal(error))],
                status: .unprocessableContent)
        }
    }

    /// POST /admin/users/:user/disable
    static func disableUser(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let user = try named(context, services)
        let actor = try context.requireStaff().actor
        try perform { () throws(CommandError) in
            try services.users.disable(user.userID, reason: "Disabled by an administrator", by: actor)
        }
        return redirect(to: "/admin/users")
    }

    /// POST /admin/users/:user/enable
    static func enableUser(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let user = try named(context, services)
        let actor = try context.requireStaff().actor
        try perform { () throws(CommandError) in try services.users.enable(user.userID, by: actor) }
        return redirect(to: "/admin/users")
    }

    /// POST /admin/users/:user/reset-password
    static func resetPassword(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let user = try named(context, services)
        var password = ""
        let actor = try context.requireStaff().actor
        try perform { () throws(CommandError) in password = try services.users.resetPassword(user.userID, by: actor) }
        return try page(services, context, issued: (user.username, password))
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
        _ services: WebServices, _ context: WebContext, issued: (String, String)? = nil,
        errors: [PageChrome.ErrorLink] = [],
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
                    status: user.disabled ? "Disabled" : "Active",
                    secondFactor: user.secondFactorEnrolled ? "Yes" : "No",
                    disableAction: base + "/disable", enableAction: base + "/enable",
                    resetAction: base + "/reset-password",
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
            "admin-users", view, chrome: services.chrome("Users", context, path: "/admin/users", errors: errors),
            status: status)
    }
}

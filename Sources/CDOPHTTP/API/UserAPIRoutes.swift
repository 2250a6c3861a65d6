import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation
import Hummingbird

/// The JSON API's user administration, for administrators only: list, add (the first password is returned once),
/// disable, enable, reset the password, change roles and areas, remove a lost second factor. An administrator
/// adding a role to themself, or removing their own second factor, gives `password` and `code` again.
enum UserAPIRoutes {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/api/v1/users", AdminPages.admins, .api, listUsers)
        routes.post("/api/v1/users", AdminPages.admins, .api, createUser)
        routes.post("/api/v1/users/:user/commands", AdminPages.admins, .api, runUserCommand)
    }

    /// GET /api/v1/users
    static func listUsers(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        await API.handle {
            API.json(try services.users.list().map(StaffAccountListing.init))
        }
    }

    /// POST /api/v1/users
    static func createUser(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            let body = try await API.body(NewUserBody.self, &request)
            let account = try services.users.addUser(
                username: body.username, displayName: body.displayName, email: body.email, roles: body.roles,
                areas: body.areas ?? [], by: context.requireStaff().actor)
            return API.json(
                IssuedPassword(
                    username: body.username, userId: account.userID.description, password: account.initialPassword),
                status: .created)
        }
    }

    /// POST /api/v1/users/:user/commands
    static func runUserCommand(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        await API.handle {
            var request = request
            guard let name = context.parameters.get("user"), let user = try services.users.user(named: name) else {
                throw Problem.notFound("user")
            }
            let body = try await API.body(UserCommandBody.self, &request)
            let staff = try context.requireStaff()
            let actor = staff.actor
            let users = services.users
            switch body.command {
            case .disable:
                try users.disable(user.userID, reason: body.reason ?? "Disabled by an administrator", by: actor)
            case .enable:
                try users.enable(user.userID, by: actor)
            case .resetPassword:
                let password = try users.resetPassword(user.userID, by: actor)
                return API.json(
                    IssuedPassword(username: user.username, userId: user.userID.description, password: password))
            case .changeAccess:
                guard let roles = body.roles else {
                    throw Problem(
                        status: .unprocessableContent, code: "input.invalid", title: "The request body is not valid",
                        detail: "the field roles is missing",
                        errors: [.init(pointer: "/roles", detail: "the field roles is missing")])
                }
                try reauthenticate(
                    SelfChange.accessChange(by: staff.user, of: user.userID, to: roles), body, context, services)
                try users.changeAccess(user.userID, roles: roles, areas: body.areas ?? [], by: actor)
            case .removeSecondFactor:
                try reauthenticate(
                    SelfChange.secondFactorRemoval(by: staff.user, of: user.userID), body, context, services)
                try users.removeSecondFactor(
                    user.userID, reason: body.reason ?? "Removed by an administrator", by: actor)
            }
            guard let changed = try users.user(user.userID) else { throw Problem.notFound("user") }
            return API.json(StaffAccountListing(changed))
        }
    }

    /// Checks the caller's password and code again when `purpose` says the change needs it; throws the problem.
    static func reauthenticate(
        _ purpose: ReauthenticationPurpose?, _ body: UserCommandBody, _ context: WebContext, _ services: WebServices
    ) throws {
        guard let purpose, let user = context.staff?.user else { return }
        do {
            try services.users.reauthenticate(
                user.id, password: body.password ?? "", code: body.code ?? "", for: purpose,
                source: context.peerAddress,
                now: services.now)
        } catch {
            throw Problem(error)
        }
    }

    struct NewUserBody: Decodable {
        var username: String
        var displayName: String
        var email: String
        var roles: Set<StaffRole>
        var areas: Set<String>?
    }

    struct UserCommandBody: Decodable {
        enum Name: String, Decodable {
            case disable, enable
            case resetPassword = "reset-password"
            case changeAccess = "change-access"
            case removeSecondFactor = "remove-second-factor"
        }

        var command: Name
        var reason: String?
        var roles: Set<StaffRole>?
        var areas: Set<String>?
        /// The caller's current password and a new one-time code, for a change to their own account that needs them.
        var password: String?
        var code: String?
    }

    /// A password shown once: the person must change it at their next sign-in.
    struct IssuedPassword: Encodable {
        var username: String
        var userId: String
        var password: String
    }
}

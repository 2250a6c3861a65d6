import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation

/// `cdop user ...`: staff accounts, their passwords and second factors. Passwords and second-factor secrets
/// are printed once, here, and kept nowhere but as a bcrypt hash and in the credentials table.
struct UserGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage staff accounts: add, disable, reset passwords, second factors.",
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserEnableCommand.self,
            UserAccessCommand.self, UserResetPasswordCommand.self, UserEnrolSecondFactorCommand.self,
            UserConfirmSecondFactorCommand.self, UserRemoveSecondFactorCommand.self,
        ])
}

/// What a user command prints: a line of text, or with --json the ids and (once) the secret it made.
struct UserReport: Encodable {
    var message: String
    var changed = true
    var userId: String
    var username: String
    var initialPassword: String?
    var newPassword: String?
    var secondFactorSecret: String?
    var otpauthURI: String?
}

/// The roles and areas of an account, as options.
struct AccessOptions: ParsableArguments {
    @Option(
        name: .customLong("role"),
        help: ArgumentHelp("A role (repeatable): \(StaffRole.valueList).", valueName: "role"))
    var roles: [StaffRole] = []

    @Option(
        name: .customLong("area"),
        help: ArgumentHelp(
            "An area code the user is limited to (repeatable); none: all the panel's areas.", valueName: "code"))
    var areas: [String] = []

    func check() throws {
        if roles.isEmpty { throw ValidationError("Give at least one --role: \(StaffRole.valueList).") }
    }
}

/// One account a command acts on: the directory and the resolved user.
struct UserTarget {
    let options: GlobalOptions
    let directory: UserDirectory
    let user: UserSummary

    /// Opens the engine and finds the user by username (without case) or id.
    init(_ options: GlobalOptions, user text: String) throws {
        self.options = options
        let directory = UserDirectory(engine: try options.engine())
        self.directory = directory
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let found = try UserID(trimmed).flatMap { try directory.user($0) } ?? directory.user(named: trimmed)
        guard let found else { throw CommandError.notFound(kind: "user", reference: text) }
        user = found
    }

    func print(_ message: String, changed: Bool = true, fill: (inout UserReport) -> Void = { _ in }) {
        var report = UserReport(
            message: message, changed: changed, userId: user.userID.description, username: user.username)
        fill(&report)
        Swift.print(options.json ? Output.json(report) : report.message)
    }
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a staff account; prints its generated password once.",
        discussion: """
            The password must be changed at first sign-in. Administrators must sign in with a second factor: \
            give --enrol-2fa to print the authenticator secret now, or run `cdop user enrol-2fa USERNAME` later.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username people sign in with (letters, digits, dots, hyphens, underscores).")
    var username: String

    @Option(help: "The name shown to others, e.g. \"Casey Coordinator\".", transform: Parse.nonEmpty)
    var name: String

    @Option(help: "Their work email address.", transform: Parse.nonEmpty)
    var email: String

    @OptionGroup var access: AccessOptions

    @Flag(name: .customLong("enrol-2fa"), help: "Also start enrolling a second factor and print its secret once.")
    var enrolSecondFactor = false

    func validate() throws {
        try access.check()
    }

    func run() throws {
        let directory = UserDirectory(engine: try options.engine())
        let roles = Set(access.roles)
        let account = try directory.addUser(
            username: username, displayName: name, email: email, roles: roles, areas: Set(access.areas),
            by: options.actorForCommand)
        let enrolment = enrolSecondFactor ? try directory.enrolSecondFactor(account.userID) : nil
        let user = try directory.user(account.userID)
        var lines = [
            "User \(user?.username ?? username) added (\(account.userID)).",
            "Initial password (shown once; to be changed at first sign-in): \(account.initialPassword)",
        ]
        if let enrolment {
            lines += secondFactorLines(enrolment, username: user?.username ?? username)
        } else if roles.contains(.admin) {
            lines.append(
                "Administrators sign in with a second factor: run `cdop user enrol-2fa \(user?.username ?? username)` "
                    + "before the first sign-in, or enrol it when first signing in.")
        }
        let report = UserReport(
            message: lines.joined(separator: "\n"), userId: account.userID.description,
            username: user?.username ?? username,
            initialPassword: account.initialPassword, secondFactorSecret: enrolment?.secret,
            otpauthURI: enrolment?.otpauthURI)
        print(options.json ? Output.json(report) : report.message)
    }
}

/// How to finish enrolling a second factor, after its secret.
func secondFactorLines(_ enrolment: UserDirectory.SecondFactorEnrolment, username: String) -> [String] {
    [
        "Second-factor secret (shown once): \(enrolment.secret)",
        "Authenticator URI (shown once): \(enrolment.otpauthURI)",
        "Add it to an authenticator app, then run `cdop user confirm-2fa \(username) --code CODE` with its current code.",
    ]
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the staff accounts (no secrets).")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Leave out disabled accounts.")
    var active = false

    func run() throws {
        let users = try UserDirectory(engine: try options.engine()).list(includeDisabled: !active)
        let rows = users.map(StaffAccountListing.init)
        if options.json {
            print(Output.json(rows))
            return
        }
        if rows.isEmpty {
            print("No users.")
            return
        }
        print(
            TextTable.render(
                header: ["username", "name", "roles", "areas", "2FA", "status"],
                rows: rows.map {
                    [
                        $0.username, $0.displayName, $0.roles.joined(separator: ", "),
                        $0.areas.isEmpty ? "all" : $0.areas.joined(separator: ", "), $0.secondFactor ? "yes" : "no",
                        $0.disabled ? "disabled" : "active",
                    ]
                }))
    }
}

struct UserDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stop an account signing in and end its sessions (its history stays).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    @Option(help: "Why, e.g. \"Left the panel\".", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try UserTarget(options, user: user)
        try target.directory.disable(target.user.userID, reason: reason, by: options.actorForCommand)
        target.print(
            target.user.disabled
                ? "Nothing changed: \(target.user.username) was already disabled."
                : "User \(target.user.username) disabled; their sessions have ended.", changed: !target.user.disabled)
    }
}

struct UserEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Let a disabled account sign in again.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    func run() throws {
        let target = try UserTarget(options, user: user)
        try target.directory.enable(target.user.userID, by: options.actorForCommand)
        target.print(
            target.user.disabled
                ? "User \(target.user.username) enabled."
                : "Nothing changed: \(target.user.username) was not disabled.", changed: target.user.disabled)
    }
}

struct UserAccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Set an account's roles and areas (those given replace the current ones).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    @OptionGroup var access: AccessOptions

    func validate() throws { try access.check() }

    func run() throws {
        let target = try UserTarget(options, user: user)
        let roles = Set(access.roles)
        try target.directory.changeAccess(
            target.user.userID, roles: roles, areas: Set(access.areas), by: options.actorForCommand)
        let now = try target.directory.user(target.user.userID)
        let changed = now?.roles != target.user.roles || now?.areas != target.user.areas
        target.print(
            changed
                ? "User \(target.user.username) now: \(roles.sorted().map(\.label).joined(separator: ", ")); "
                    + (access.areas.isEmpty
                        ? "all areas." : "areas \(now?.areas.sorted().joined(separator: ", ") ?? "").")
                : "Nothing changed: \(target.user.username) already has these roles and areas.", changed: changed)
    }
}

struct UserResetPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract:
            "Give an account a new generated password (printed once), end the holding back of its sign-ins and its sessions."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    func run() throws {
        let target = try UserTarget(options, user: user)
        let password = try target.directory.resetPassword(target.user.userID, by: options.actorForCommand)
        target.print(
            "Password of \(target.user.username) reset; their sessions have ended.\n"
                + "New password (shown once; to be changed at next sign-in): \(password)"
        ) { $0.newPassword = password }
    }
}

struct UserEnrolSecondFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol-2fa",
        abstract: "Start enrolling an authenticator app: prints its secret and otpauth URI once.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    func run() throws {
        let target = try UserTarget(options, user: user)
        let enrolment = try target.directory.enrolSecondFactor(target.user.userID)
        target.print(secondFactorLines(enrolment, username: target.user.username).joined(separator: "\n")) {
            $0.secondFactorSecret = enrolment.secret
            $0.otpauthURI = enrolment.otpauthURI
        }
    }
}

struct UserConfirmSecondFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-2fa", abstract: "Finish enrolling an authenticator app with its current code.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    @Option(help: "The six-digit code the app shows now.")
    var code: String

    func run() throws {
        let target = try UserTarget(options, user: user)
        try target.directory.confirmSecondFactor(target.user.userID, code: code)
        target.print("Second factor of \(target.user.username) enrolled: sign-in now asks for a code.")
    }
}

struct UserRemoveSecondFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-2fa", abstract: "Remove an account's second factor (e.g. a lost phone).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The username (or user id).")
    var user: String

    @Option(help: "Why, e.g. \"Phone lost\".", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try UserTarget(options, user: user)
        try target.directory.removeSecondFactor(target.user.userID, reason: reason, by: options.actorForCommand)
        target.print("Second factor of \(target.user.username) removed.")
    }
}

import CDOPApp
import CDOPDomain
import Foundation

/// The demo's staff accounts: one per role, named as the demo history's actors, with generated passwords
/// printed once (and the administrator's authenticator secret, since admins always need a second factor).
package enum DemoAccounts {
    package struct Account: Codable, Sendable, Equatable {
        package var username: String
        package var role: String
        package var password: String
        /// The base32 secret to type into an authenticator app (administrators only).
        package var secondFactorSecret: String?
    }

    package static let people: [(username: String, name: String, email: String, role: StaffRole)] = [
        (DemoDirectory.coordinator.name, "Casey Coordinator", "cdop.coordinator@panel.example.org", .coordinator),
        (
            DemoDirectory.designatedDoctor.name, "Dr Pat Designate", "designated.doctor@centralvale.example.nhs.uk",
            .designatedDoctor
        ),
        (DemoDirectory.panelChair.name, "Morgan Chair", "cdop.chair@public-health.example.org", .panelMember),
        ("ada.admin", "Ada Admin", "it.admin@panel.example.org", .admin),
    ]

    /// Adds the accounts to `engine`'s database (its clock decides the first code of the administrator).
    package static func create(users: UserDirectory, now: Date) throws(CommandError) -> [Account] {
        let setup = Actor(name: "cdop-demo", role: "admin")
        var accounts: [Account] = []
        for person in people {
            let account = try users.addUser(
                username: person.username, displayName: person.name, email: person.email, roles: [person.role],
                areas: [],
                by: setup)
            var secret: String?
            if person.role == .admin {
                let enrolment = try users.enrolSecondFactor(account.userID)
                let totp = TOTP(secret: Base32.decode(enrolment.secret) ?? [])
                try users.confirmSecondFactor(account.userID, code: totp.code(forStep: TOTP.step(at: now)), now: now)
                secret = enrolment.secret
            }
            accounts.append(
                Account(
                    username: person.username, role: person.role.rawValue, password: account.initialPassword,
                    secondFactorSecret: secret))
        }
        return accounts
    }

    /// What `make run` prints once: who can sign in, and how.
    package static func lines(_ accounts: [Account]) -> [String] {
        ["Demo accounts (passwords shown once; each must be changed at first sign-in):"]
            + accounts.map { account in
                "  \(account.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.role.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.password)"
                    + (account.secondFactorSecret.map { "  authenticator secret \($0)" } ?? "")
            }
    }
}

/// What an administrator's change to their own account was authorised for, by giving their password and a fresh
/// one-time code again in the same request (a stolen session alone cannot widen or keep an administrator's
/// access).
package enum ReauthenticationPurpose: String, Hashable, Sendable, Codable, CaseIterable {
    /// A role the administrator did not hold is added to their own account.
    case addOwnRole = "add-own-role"
    /// The administrator removes their own second factor.
    case removeOwnSecondFactor = "remove-own-second-factor"
    /// The administrator moves their own second factor to a new authenticator app.
    case moveOwnSecondFactor = "move-own-second-factor"

    package var label: String {
        switch self {
        case .addOwnRole: "add a role to their own account"
        case .removeOwnSecondFactor: "remove their own second factor"
        case .moveOwnSecondFactor: "move their own second factor to a new authenticator app"
        }
    }
}

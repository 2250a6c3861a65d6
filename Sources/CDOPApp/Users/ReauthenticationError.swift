import CDOPDomain

/// Why a change to one's own account that needs the password and a one-time code again was refused, in words
/// for the administrator making it. Nothing was changed.
package enum ReauthenticationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The password or the code was not given.
    case missing(ReauthenticationPurpose)
    /// The password or the code is not right, or the code was used before (counted as a failed attempt).
    case wrong
    /// Too many wrong attempts from this place: further ones wait.
    case heldBack
    /// The account has no second factor to give a code from.
    case noSecondFactor
    /// The database could not be reached; nothing was decided.
    case unavailable(String)

    package var code: String {
        switch self {
        case .missing: "reauthentication.required"
        case .wrong: "reauthentication.wrong"
        case .heldBack: "reauthentication.heldBack"
        case .noSecondFactor: "reauthentication.noSecondFactor"
        case .unavailable: "reauthentication.unavailable"
        }
    }

    package var description: String {
        switch self {
        case .missing(let purpose):
            "To \(purpose.sentence) you must give your current password and a new code from your authenticator app "
                + "in the same request. Nothing was changed."
        case .wrong:
            "The password or the code from your authenticator app is not right (a code works once: wait for the next). "
                + "Nothing was changed."
        case .heldBack:
            "There have been too many wrong attempts. Wait a few minutes and try again. Nothing was changed."
        case .noSecondFactor:
            "Set up an authenticator app first: this change needs a code from it. Nothing was changed."
        case .unavailable(let detail): "The change is not possible just now: \(detail)"
        }
    }
}

extension ReauthenticationPurpose {
    /// What is being done, as the end of "To … you must give".
    var sentence: String {
        switch self {
        case .addOwnRole: "add a role to your own account"
        case .removeOwnSecondFactor: "remove your own second factor"
        case .moveOwnSecondFactor: "move your authenticator to a new app"
        }
    }
}

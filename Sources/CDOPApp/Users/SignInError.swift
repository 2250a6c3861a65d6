import CDOPDomain
import Foundation

/// Why a sign-in did not succeed, in words for the person signing in. An unknown username, a wrong password and
/// an attempt held back after repeated failures all read the same, so the page does not tell which usernames
/// exist, nor which are being held back.
package enum SignInError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Unknown username, wrong password, or an attempt held back after repeated failures from the same place.
    case wrongCredentials
    /// The account is disabled (said only once the password was right).
    case disabled
    /// The password was right; the account needs a one-time code (ask for it and try again).
    case secondFactorRequired
    /// The password was right but the account (an administrator's) must enrol a second factor before signing in:
    /// the server may offer enrolment to this user now (`UserDirectory.enrolSecondFactor`).
    case secondFactorEnrolmentRequired(UserID)
    /// The one-time code is not the current one.
    case codeWrong
    /// The one-time code was used already.
    case codeReused
    /// The database could not be reached; nothing was decided.
    case unavailable(String)

    package var code: String {
        switch self {
        case .wrongCredentials: "signIn.wrongCredentials"
        case .disabled: "signIn.disabled"
        case .secondFactorRequired: "signIn.secondFactorRequired"
        case .secondFactorEnrolmentRequired: "signIn.secondFactorEnrolmentRequired"
        case .codeWrong: "signIn.codeWrong"
        case .codeReused: "signIn.codeReused"
        case .unavailable: "signIn.unavailable"
        }
    }

    package var description: String {
        switch self {
        case .wrongCredentials:
            "The username or password is not right. After several wrong attempts, wait a few minutes before trying again."
        case .disabled: "This account is disabled. Ask an administrator of the panel."
        case .secondFactorRequired: "Enter the six-digit code from your authenticator app."
        case .secondFactorEnrolmentRequired:
            "This account must set up an authenticator app (a second factor) before it can sign in. Whoever runs the "
                + "server starts it with `cdop user enrol-2fa USERNAME`."
        case .codeWrong: "The code is not right. Check the time on your phone and enter the current code."
        case .codeReused: "This code has been used already. Wait for the next code."
        case .unavailable(let detail): "Signing in is not possible just now: \(detail)"
        }
    }
}

/// Which view of a case's identifiable data a member of staff opened (recorded in the access log).
package enum CaseDataView: String, Hashable, Sendable, Codable, CaseIterable {
    /// The case page: the child's details, stage and timeline.
    case casePage = "case-page"
    /// The notification as it was received.
    case notification
    /// A returned reporting form's answers.
    case formReturn = "form-return"
    /// The papers for a panel meeting that name the child.
    case panelPapers = "panel-papers"
    /// An export or download of the case's data.
    case export

    package var label: String {
        switch self {
        case .casePage: "case page"
        case .notification: "notification"
        case .formReturn: "returned form"
        case .panelPapers: "panel papers"
        case .export: "export"
        }
    }
}

/// Why a sign-in was refused (recorded without the password or code that was typed).
package enum SignInRefusal: String, Hashable, Sendable, Codable, CaseIterable {
    case wrongPassword = "wrong-password"
    case disabled
    /// The account was locked after repeated failures (no longer decided: sign-ins are now held back per place,
    /// `throttled`; kept for the events that recorded it).
    case locked
    case secondFactorNotEnrolled = "second-factor-not-enrolled"
    case codeWrong = "code-wrong"
    case codeReused = "code-reused"
    /// Too many failures from the same place for this username: refused without checking the password.
    case throttled
    /// The password was a generated one (new account or reset) that had already been used to sign in.
    case generatedPasswordUsed = "generated-password-used"

    package var label: String {
        switch self {
        case .wrongPassword: "wrong password"
        case .disabled: "account disabled"
        case .locked: "account locked after repeated failures"
        case .secondFactorNotEnrolled: "second factor not yet enrolled"
        case .codeWrong: "wrong one-time code"
        case .codeReused: "one-time code used before"
        case .throttled: "held back after repeated failures from the same place"
        case .generatedPasswordUsed: "generated password already used once"
        }
    }
}

/// Why a request for a page or an action was refused.
package enum AccessRefusal: String, Hashable, Sendable, Codable, CaseIterable {
    /// None of the user's roles allows it.
    case role
    /// The case is outside the areas the user is limited to.
    case area
    /// The form's CSRF token was missing or wrong.
    case csrf
    /// A change to one's own account asked for the password and a one-time code again, and they were not right.
    case reauthentication

    package var label: String {
        switch self {
        case .role: "role does not allow it"
        case .area: "outside the user's areas"
        case .csrf: "form token missing or wrong"
        case .reauthentication: "password or one-time code not right when asked again"
        }
    }
}

import Foundation

/// A staff account was created.
package struct UserRegistered: EventPayload {
    package static let typeName = "user.registered.v1"
    package var userID: UserID
    package var username: String
    package var displayName: String
    package var email: String
    /// Sorted, so the stored form does not depend on a set's order.
    package var roles: [StaffRole]
    /// Area codes the user is limited to, sorted; empty: all the panel's areas.
    package var areas: [String]
    package var at: Date

    package var summary: String {
        "Account \(username) created (\(roles.map(\.label).joined(separator: ", ")))"
    }
}

/// The account can no longer sign in.
package struct UserDisabled: EventPayload {
    package static let typeName = "user.disabled.v1"
    package var reason: String
    package var at: Date

    package var summary: String { "Account disabled: \(reason)" }
}

/// A disabled account may sign in again.
package struct UserEnabled: EventPayload {
    package static let typeName = "user.enabled.v1"
    package var at: Date

    package var summary: String { "Account enabled" }
}

/// The user's roles or areas changed.
package struct UserAccessChanged: EventPayload {
    package static let typeName = "user.accessChanged.v1"
    package var roles: [StaffRole]
    package var areas: [String]
    package var at: Date

    package var summary: String {
        "Roles now \(roles.map(\.label).joined(separator: ", ")); "
            + (areas.isEmpty ? "all areas" : "areas \(areas.joined(separator: ", "))")
    }
}

/// The password was changed (the fact only: the hash lives outside the event log).
package struct UserPasswordChanged: EventPayload {
    package static let typeName = "user.passwordChanged.v1"
    /// True when an administrator reset it; false when its owner changed it.
    package var reset: Bool
    package var at: Date

    package var summary: String { reset ? "Password reset by an administrator" : "Password changed" }
}

/// A second factor was enrolled (the secret lives outside the event log).
package struct UserSecondFactorEnrolled: EventPayload {
    package static let typeName = "user.secondFactorEnrolled.v1"
    package var at: Date

    package var summary: String { "Second factor enrolled" }
}

/// The second factor was removed.
package struct UserSecondFactorRemoved: EventPayload {
    package static let typeName = "user.secondFactorRemoved.v1"
    package var reason: String
    package var at: Date

    package var summary: String { "Second factor removed: \(reason)" }
}

/// The user signed in.
package struct UserSignedIn: EventPayload {
    package static let typeName = "user.signedIn.v1"
    package var withSecondFactor: Bool
    package var at: Date

    package var summary: String { withSecondFactor ? "Signed in with a one-time code" : "Signed in" }
}

/// A sign-in to the account was refused.
package struct UserSignInRefused: EventPayload {
    package static let typeName = "user.signInRefused.v1"
    package var reason: SignInRefusal
    package var at: Date

    package var summary: String { "Sign-in refused: \(reason.label)" }
}

/// Sign-ins to the account from one place began to be held back after repeated failures; its owner is told by
/// email (no address or password is recorded).
package struct UserSignInThrottled: EventPayload {
    package static let typeName = "user.signInThrottled.v1"
    /// Failures in a row from that place when the holding back began.
    package var failures: Int
    package var at: Date

    package var summary: String {
        "Sign-ins from one place held back after \(failures) failures; the owner is told by email"
    }
}

/// The user gave their password and a fresh one-time code again, for a change to their own account.
package struct UserReauthenticated: EventPayload {
    package static let typeName = "user.reauthenticated.v1"
    package var purpose: ReauthenticationPurpose
    package var at: Date

    package var summary: String { "Password and one-time code given again to \(purpose.label)" }
}

/// The user signed out.
package struct UserSignedOut: EventPayload {
    package static let typeName = "user.signedOut.v1"
    package var at: Date

    package var summary: String { "Signed out" }
}

/// The user opened a view of a case's identifiable data.
package struct UserViewedCase: EventPayload {
    package static let typeName = "user.caseViewed.v1"
    package var caseID: CaseID
    package var view: CaseDataView
    package var at: Date

    package var summary: String { "Viewed the \(view.label) of case \(caseID)" }
}

/// The user was shown a list of cases with the children's names (the case list, or a search of it): which
/// cases were shown, never what was searched for.
package struct UserListedCases: EventPayload {
    package static let typeName = "user.casesListed.v1"
    package var caseIDs: [CaseID]
    /// Whether the list was narrowed by a search or filter.
    package var searched: Bool
    package var at: Date

    package var summary: String {
        "Listed \(caseIDs.count) case\(caseIDs.count == 1 ? "" : "s") with the children's names"
            + (searched ? " (a search)" : "")
    }
}

/// The user was refused a page or an action.
///
/// `caseID` and `meetingID` came later (absent from earlier events, which still decode): the case or meeting
/// the refused path named, so the access log says which one, never anything personal.
package struct UserAccessRefused: EventPayload {
    package static let typeName = "user.accessRefused.v1"
    package var resource: String
    package var reason: AccessRefusal
    package var caseID: CaseID?
    package var meetingID: MeetingID?
    package var at: Date

    package init(resource: String, reason: AccessRefusal, caseID: CaseID? = nil, meetingID: MeetingID? = nil, at: Date)
    {
        self.resource = resource
        self.reason = reason
        self.caseID = caseID
        self.meetingID = meetingID
        self.at = at
    }

    package var summary: String {
        let target = caseID.map { " (case \($0))" } ?? meetingID.map { " (meeting \($0))" } ?? ""
        return "Refused \(resource)\(target): \(reason.label)"
    }
}

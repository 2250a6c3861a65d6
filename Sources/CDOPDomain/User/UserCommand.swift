/// What an administrator asks of a staff account, and the facts the shell records about its use.
/// Secrets (passwords, their hashes, one-time codes, second-factor secrets) never appear here.
package enum UserCommand: Sendable {
    /// Create the account (the shell supplies the id and has checked the username is free).
    case register(
        userID: UserID, username: String, displayName: String, email: String, roles: Set<StaffRole>, areas: Set<String>)
    /// Stop the account signing in.
    case disable(reason: String)
    /// Let a disabled account sign in again.
    case enable
    /// Change the roles and the areas the user is limited to (empty: all the panel's areas).
    case changeAccess(roles: Set<StaffRole>, areas: Set<String>)
    /// The password was changed by its owner (`reset: false`) or reset by an administrator (`reset: true`).
    case recordPasswordChanged(reset: Bool)
    /// A second factor (authenticator app) was enrolled and confirmed with a first code.
    case recordSecondFactorEnrolled
    /// The second factor was removed (e.g. a lost phone).
    case removeSecondFactor(reason: String)
    /// The user signed in (`withSecondFactor`: a one-time code was checked).
    case recordSignIn(withSecondFactor: Bool)
    /// A sign-in to this account was refused.
    case recordSignInRefused(SignInRefusal)
    /// Sign-ins from one place began to be held back after `failures` failures in a row: the owner is told by
    /// email, once per episode.
    case recordSignInThrottled(failures: Int)
    /// The user gave their password and a fresh one-time code again, authorising `purpose`.
    case recordReauthenticated(ReauthenticationPurpose)
    /// Record that an email of the account's outbox was accepted (once per outbox entry).
    case recordEmailSent(EmailOutcome)
    /// Record that an email of the account's outbox could not be delivered (once per outbox entry).
    case recordEmailFailed(EmailOutcome, reason: String)
    /// The user signed out.
    case recordSignOut
    /// The user opened a view of a case's identifiable data.
    case recordCaseViewed(caseID: CaseID, view: CaseDataView)
    /// The user was shown a list of cases naming the children (`searched`: narrowed by a search or filter).
    case recordCasesListed(caseIDs: [CaseID], searched: Bool)
    /// The user was refused a page or an action; `resource` names it (a route or what, never personal data), and
    /// `caseID` or `meetingID` the case or meeting the path named, when it named one.
    case recordAccessRefused(
        resource: String, reason: AccessRefusal, caseID: CaseID? = nil, meetingID: MeetingID? = nil)
}

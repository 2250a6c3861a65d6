import Foundation

/// A staff account, folded from its events. The access log (case views, refusals) does not change it.
package struct UserState: Hashable, Sendable {
    package var userID: UserID?
    package var username = ""
    package var displayName = ""
    package var email = ""
    package var roles: Set<StaffRole> = []
    /// Area codes the user is limited to; empty: all the panel's areas.
    package var areas: Set<String> = []
    package var createdAt: Date?
    package var disabledAt: Date?
    package var disabledReason: String?
    package var secondFactorEnrolled = false
    package var passwordChangedAt: Date?
    package var lastSignInAt: Date?
    /// When each notice that sign-ins were being held back was recorded (each is an email to the owner).
    package var throttleNotices: [Date] = []
    /// Outcomes of the account's outbox emails, by outbox id.
    package var emailOutcomes: [String: EmailDelivery] = [:]

    /// However long sign-ins go on being held back, the owner is told again at most this often (a day), unless
    /// they have signed in since.
    package static let throttleNoticeInterval: TimeInterval = 24 * 3600

    package init() {}

    /// Whether the account was created.
    package var exists: Bool { userID != nil }
    package var isDisabled: Bool { disabledAt != nil }
    /// Admins must always sign in with a second factor; others once they have enrolled one.
    package var requiresSecondFactor: Bool { roles.contains(.admin) || secondFactorEnrolled }

    /// Whether holding back sign-ins at `now` begins a new episode the owner should be told of: none was told
    /// yet, the owner has signed in since the last notice, or the last is `throttleNoticeInterval` old.
    package func throttleNoticeDue(at now: Date) -> Bool {
        guard let last = throttleNotices.last else { return true }
        if let signedIn = lastSignInAt, signedIn > last { return true }
        return now.timeIntervalSince(last) >= Self.throttleNoticeInterval
    }
}

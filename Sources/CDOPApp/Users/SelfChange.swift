import CDOPDomain

/// Which changes an administrator makes to their own account need their current password and a fresh one-time
/// code again, in the same request: a stolen or unattended session alone must not widen an administrator's
/// access or take over their second factor. Changes to other accounts, and other changes, need nothing more.
package enum SelfChange {
    /// Changing the roles of `target` to `roles`: an administrator adding a role they do not hold to themself.
    package static func accessChange(
        by actor: AuthenticatedUser, of target: UserID, to roles: Set<StaffRole>
    ) -> ReauthenticationPurpose? {
        actor.id == target && actor.can(.admin) && !roles.isSubset(of: actor.roles) ? .addOwnRole : nil
    }

    /// Removing the second factor of `target`: an administrator removing their own.
    package static func secondFactorRemoval(by actor: AuthenticatedUser, of target: UserID) -> ReauthenticationPurpose?
    {
        actor.id == target && actor.can(.admin) ? .removeOwnSecondFactor : nil
    }

    /// Confirming a new authenticator app for oneself: an administrator moving the one they have.
    package static func secondFactorMove(by actor: AuthenticatedUser, hasSecondFactor: Bool) -> ReauthenticationPurpose?
    {
        actor.can(.admin) && hasSecondFactor ? .moveOwnSecondFactor : nil
    }
}

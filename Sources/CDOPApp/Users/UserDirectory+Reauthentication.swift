import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

extension UserDirectory {
    /// Checks again, before a change to one's own account (`SelfChange`), the current password and a fresh
    /// one-time code (one not used before, which is then used up), from `source` (the client's address) at `now`.
    ///
    /// Success is recorded on the user's stream with what it authorises (`user.reauthenticated.v1`). A wrong
    /// password or code is recorded as a refused access (`reauthentication`), counts as a failed attempt (the same
    /// holding back by username and place as signing in) and refuses the change; while the place is held back
    /// the password is not even checked.
    package func reauthenticate(
        _ userID: UserID, password: String, code: String, for purpose: ReauthenticationPurpose, source: String?,
        now: Date
    ) throws(ReauthenticationError) {
        guard !password.isEmpty, !code.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing(purpose) }
        let summary: UserSummary
        let stored: Credentials
        do {
            (summary, stored) = try account(userID)
        } catch {
            throw .unavailable(error.description)
        }
        let key = SignInThrottle.Key(username: summary.username, source: source)
        let passwordRight = PasswordHash.verify(password, hash: stored.passwordHash) && !stored.generatedPasswordSpent
        let at = CommandHandler(store: store, clock: FixedClock(now), panel: handler.panel, cache: handler.cache)
        let result: Result<Void, ReauthenticationError>
        do {
            result =
                try at.run(by: actingAs(summary)) {
                    session throws(CommandError) -> Result<Void, ReauthenticationError> in
                    guard var credentials = try inDatabase({ try Credentials.fetch(userID, in: session.db) }) else {
                        return .failure(.unavailable("the account has no credentials"))
                    }
                    func refuse(_ error: ReauthenticationError, counts: Bool) throws(CommandError) -> Result<
                        Void, ReauthenticationError
                    > {
                        if counts { try countFailure(key, of: userID, now: now, in: session) }
                        try session.decide(
                            UserDecider.self, userID.streamID,
                            .recordAccessRefused(
                                resource: "re-authentication to \(purpose.rawValue)", reason: .reauthentication))
                        return .failure(error)
                    }
                    if try inDatabase({ try throttle.heldUntil(key, now: now, in: session.db) }) != nil {
                        return try refuse(.heldBack, counts: false)
                    }
                    guard let totp = credentials.totp else { return .failure(.noSecondFactor) }
                    guard passwordRight,
                        case .accepted(let step) = totp.check(code, at: now, lastUsedStep: credentials.totpLastStep)
                    else { return try refuse(.wrong, counts: true) }
                    credentials.totpLastStep = step
                    try inDatabase {
                        try credentials.save(in: session.db)
                        try throttle.clear(key, in: session.db)
                    }
                    try session.decide(UserDecider.self, userID.streamID, .recordReauthenticated(purpose))
                    return .success(())
                }.value ?? .failure(.unavailable("the re-authentication was already handled"))
        } catch {
            throw .unavailable(error.description)
        }
        try result.get()
    }
}

import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import Synchronization

extension UserDirectory {
    /// Checks a username, password and (when the account needs one) one-time code at `now`.
    ///
    /// Every refusal of a known account is recorded on its stream (reason only; never the password or code).
    /// Wrong passwords and wrong or replayed codes count towards the lock: `maxFailures` in a row lock the
    /// account for `lockout`. An unknown username costs a bcrypt verification like a known one, so the time
    /// taken does not tell which usernames exist.
    package func authenticate(
        username: String, password: String, code: String?, now: Date
    ) throws(SignInError) -> AuthenticatedUser {
        let found: (UserSummary, Credentials)?
        do {
            found = try store.read { db in
                guard let summary = try UserQueries.user(named: username, in: db),
                    let credentials = try Credentials.fetch(summary.userID, in: db)
                else { return nil }
                return (summary, credentials)
            }
        } catch {
            throw .unavailable(error.description)
        }
        guard let found else {
            _ = PasswordHash.verify(password, hash: Self.unknownUserHash(cost: bcryptCost))
            throw .wrongCredentials
        }
        let (summary, stored) = found
        let passwordRight = PasswordHash.verify(password, hash: stored.passwordHash)
        let userID = summary.userID
        // Decided again inside the write transaction: a concurrent sign-in may have used the code or counted a failure.
        let at = CommandHandler(store: store, clock: FixedClock(now), panel: handler.panel, cache: handler.cache)
        let result: Result<AuthenticatedUser, SignInError>
        do {
            result = try at.run(by: actingAs(summary)) { session throws(CommandError) -> Result<AuthenticatedUser, SignInError> in
                guard var credentials = try inDatabase({ try Credentials.fetch(userID, in: session.db) }) else {
                    return .failure(.wrongCredentials)
                }
                func refuse(_ reason: SignInRefusal, _ error: SignInError, counts: Bool) throws(CommandError)
                    -> Result<AuthenticatedUser, SignInError>
                {
                    if counts {
                        credentials.failedAttempts += 1
                        if credentials.failedAttempts >= maxFailures {
                            credentials.lockedUntil = now.addingTimeInterval(lockout)
                            credentials.failedAttempts = 0
                        }
                        try inDatabase { try credentials.save(in: session.db) }
                    }
                    try session.decide(UserDecider.self, userID.streamID, .recordSignInRefused(reason))
                    return .failure(error)
                }
                if let until = credentials.lockedUntil {
                    if until > now { return try refuse(.locked, .locked(until: until), counts: false) }
                    credentials.lockedUntil = nil
                }
                guard passwordRight else { return try refuse(.wrongPassword, .wrongCredentials, counts: true) }
                let (state, _) = try session.state(of: UserDecider.self, userID.streamID)
                guard !state.isDisabled else { return try refuse(.disabled, .disabled, counts: false) }
                let totp = credentials.totp
                if totp == nil, state.roles.contains(.admin) {
                    return try refuse(.secondFactorNotEnrolled, .secondFactorEnrolmentRequired(userID), counts: false)
                }
                if let totp {
                    guard let code, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
                        return .failure(.secondFactorRequired)
                    }
                    switch totp.check(code, at: now, lastUsedStep: credentials.totpLastStep) {
                    case .wrong: return try refuse(.codeWrong, .codeWrong, counts: true)
                    case .reused: return try refuse(.codeReused, .codeReused, counts: true)
                    case .accepted(let step): credentials.totpLastStep = step
                    }
                }
                credentials.failedAttempts = 0
                try inDatabase { try credentials.save(in: session.db) }
                try session.decide(UserDecider.self, userID.streamID, .recordSignIn(withSecondFactor: totp != nil))
                return .success(AuthenticatedUser(summary, mustChangePassword: credentials.mustChangePassword))
            }.value ?? .failure(.unavailable("the sign-in was already handled"))
        } catch {
            throw .unavailable(error.description)
        }
        return try result.get()
    }

    /// Ends the session a cookie names and records the sign-out; nothing happens for an unknown token.
    package func signOut(token: String, now: Date) throws(CommandError) {
        let session: Session?
        do {
            session = try sessions.resolve(token: token, now: now)
            try sessions.destroy(token: token)
        } catch {
            throw .store(error)
        }
        guard let user = session?.user else { return }
        let at = CommandHandler(store: store, clock: FixedClock(now), panel: handler.panel, cache: handler.cache)
        try at.run(by: user.actor) { session throws(CommandError) in
            try session.decide(UserDecider.self, user.id.streamID, .recordSignOut)
        }
    }

    /// A bcrypt hash of a random password at `cost`, made once per cost: what an unknown username is checked
    /// against.
    static func unknownUserHash(cost: UInt8) -> String {
        if let hash = unknownUserHashes.withLock({ $0[cost] }) { return hash }
        let hash = PasswordHash.make(SecretToken.make(), cost: cost)
        unknownUserHashes.withLock { $0[cost] = hash }
        return hash
    }

    private static let unknownUserHashes = Mutex<[UInt8: String]>([:])
}

import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import Synchronization

extension UserDirectory {
    /// Checks a username, password and (when the account needs one) one-time code at `now`, from `source` (the
    /// client's address; nil from the command line, which has none).
    ///
    /// Every failure reads the same, `wrongCredentials`: an unknown username, a wrong password, a generated
    /// password that has signed in once already, and an attempt held back; only someone who typed the right password learns more (disabled, a code needed, the code
    /// wrong). An unknown username costs a bcrypt verification like a known one, so the time taken does not tell
    /// which usernames exist either. Wrong passwords and wrong or replayed codes count towards holding back that
    /// username from that place (`SignInThrottle`), never the account for everyone; when the holding back
    /// begins, the account's owner is told by email. Every refusal of a known account is recorded on its stream
    /// (reason only; never the password, code or place).
    package func authenticate(
        username: String, password: String, code: String?, source: String? = nil, now: Date
    ) throws(SignInError) -> AuthenticatedUser {
        let key = SignInThrottle.Key(username: username, source: source)
        let found: (UserSummary, Credentials)?
        let held: Bool
        do {
            (found, held) = try store.snapshot { db in
                let held = try throttle.heldUntil(key, now: now, in: db) != nil
                guard let summary = try UserQueries.user(named: username, in: db),
                    let credentials = try Credentials.fetch(summary.userID, in: db)
                else { return (nil, held) }
                return ((summary, credentials), held)
            }
        } catch {
            throw .unavailable(error.description)
        }
        guard let found else {
            // An unknown username is checked, counted and held back like a known one.
            if !held {
                _ = PasswordHash.verify(password, hash: Self.unknownUserHash(cost: bcryptCost))
                do {
                    _ = try store.writing { db in try throttle.recordFailure(key, now: now, in: db) }
                } catch {
                    throw .unavailable(error.description)
                }
            }
            throw .wrongCredentials
        }
        let (summary, stored) = found
        // Held back: refused without checking the password.
        let passwordRight = !held && PasswordHash.verify(password, hash: stored.passwordHash)
        let userID = summary.userID
        // Decided again inside the write transaction: a concurrent attempt may have used the code or counted a failure.
        let at = CommandHandler(store: store, clock: FixedClock(now), panel: handler.panel, cache: handler.cache)
        let result: Result<AuthenticatedUser, SignInError>
        do {
            result =
                try at.run(by: actingAs(summary)) {
                    session throws(CommandError) -> Result<AuthenticatedUser, SignInError> in
                    guard var credentials = try inDatabase({ try Credentials.fetch(userID, in: session.db) }) else {
                        return .failure(.wrongCredentials)
                    }
                    func refuse(_ reason: SignInRefusal, _ error: SignInError, counts: Bool) throws(CommandError)
                        -> Result<AuthenticatedUser, SignInError>
                    {
                        if counts { try countFailure(key, of: userID, now: now, in: session) }
                        try session.decide(UserDecider.self, userID.streamID, .recordSignInRefused(reason))
                        return .failure(error)
                    }
                    let heldNow = try inDatabase { try throttle.heldUntil(key, now: now, in: session.db) != nil }
                    if held || heldNow { return try refuse(.throttled, .wrongCredentials, counts: false) }
                    guard passwordRight else { return try refuse(.wrongPassword, .wrongCredentials, counts: true) }
                    // A generated password signs in once; after that it is refused like a wrong one.
                    guard !credentials.generatedPasswordSpent else {
                        return try refuse(.generatedPasswordUsed, .wrongCredentials, counts: true)
                    }
                    let (state, _) = try session.state(of: UserDecider.self, userID.streamID)
                    guard !state.isDisabled else { return try refuse(.disabled, .disabled, counts: false) }
                    let totp = credentials.totp
                    if totp == nil, state.roles.contains(.admin) {
                        return try refuse(
                            .secondFactorNotEnrolled, .secondFactorEnrolmentRequired(userID), counts: false)
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
                    if credentials.passwordGenerated { credentials.generatedPasswordUsed = true }
                    try inDatabase {
                        try credentials.save(in: session.db)
                        try throttle.clear(key, in: session.db)
                    }
                    try session.decide(UserDecider.self, userID.streamID, .recordSignIn(withSecondFactor: totp != nil))
                    return .success(AuthenticatedUser(summary, mustChangePassword: credentials.mustChangePassword))
                }.value ?? .failure(.unavailable("the sign-in was already handled"))
        } catch {
            throw .unavailable(error.description)
        }
        return try result.get()
    }

    /// Counts a failed sign-in (or re-authentication) of `userID` from `key`'s place; while that place is held
    /// back, asks the account to record it, which tells the owner by email once an episode (the decider decides
    /// when an episode begins: not since the owner last signed in, or a day after the last notice).
    func countFailure(_ key: SignInThrottle.Key, of userID: UserID, now: Date, in session: CommandSession)
        throws(CommandError)
    {
        let failure = try inDatabase { try throttle.recordFailure(key, now: now, in: session.db) }
        guard failure.holdsBack else { return }
        try session.decide(UserDecider.self, userID.streamID, .recordSignInThrottled(failures: failure.failures))
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

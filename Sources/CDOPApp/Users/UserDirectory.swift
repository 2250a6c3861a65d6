import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// The staff accounts, as the web server and the CLI use them: create, disable, passwords, second factors.
/// Facts go to each user's stream; secrets go to `user_credentials` in the same transaction, never to the log.
package struct UserDirectory: Sendable {
    let handler: CommandHandler
    /// bcrypt's cost: 12 in production; tests may go down to 4.
    package let bcryptCost: UInt8
    package let sessions: SessionStore
    /// How failed sign-ins are held back, per username and place.
    package var throttle = SignInThrottle()

    /// The directory on `engine`'s database; bcrypt's cost is the configuration's (12) unless given.
    package init(engine: Engine, bcryptCost: UInt8? = nil, sessions: SessionStore? = nil) {
        let cost = bcryptCost ?? engine.configuration.bcryptCost
        precondition((4...31).contains(cost), "bcrypt cost must be 4 to 31")
        handler = engine.workflow.handler
        self.bcryptCost = cost
        self.sessions = sessions ?? SessionStore(store: engine.store)
    }

    var store: any EventDatabase { handler.store }

    /// A new account and the password generated for it (show it once; it signs in once, and must then be changed).
    package struct NewAccount: Sendable, Equatable {
        package var userID: UserID
        package var initialPassword: String
    }

    /// A second factor being enrolled: the secret (base32) and the `otpauth://` URI for a QR code; shown once.
    package struct SecondFactorEnrolment: Sendable, Equatable {
        package var secret: String
        package var otpauthURI: String
    }

    // MARK: accounts

    /// Creates an account with a generated password; the username must be free (without case).
    package func addUser(
        username: String, displayName: String, email: String, roles: Set<StaffRole>, areas: Set<String>,
        by actor: Actor,
        userID: UserID = UserID(UUID())
    ) throws(CommandError) -> NewAccount {
        let password = GeneratedPassword.make()
        let hash = PasswordHash.make(password, cost: bcryptCost)
        try handler.run(by: actor) { session throws(CommandError) in
            let wanted: String
            do throws(DomainError) { wanted = try UserDecider.validatedUsername(username) } catch {
                throw .rejected(error)
            }
            if try inDatabase({ try UserQueries.user(named: wanted, in: session.db) }) != nil {
                throw .rejected(DomainError(code: "user.usernameTaken", "The username \(wanted) is already taken."))
            }
            try session.decide(
                UserDecider.self, userID.streamID,
                .register(
                    userID: userID, username: wanted, displayName: displayName, email: email, roles: roles, areas: areas
                ))
            try session.decide(UserDecider.self, userID.streamID, .recordPasswordChanged(reset: true))
            try inDatabase { try Credentials(userID: userID, passwordHash: hash, generated: true).save(in: session.db) }
        }
        return NewAccount(userID: userID, initialPassword: password)
    }

    /// Stops an account signing in and ends its sessions.
    package func disable(_ userID: UserID, reason: String, by actor: Actor) throws(CommandError) {
        try execute(.disable(reason: reason), on: userID, by: actor)
        try ending { () throws(EventStoreError) in _ = try sessions.destroyAll(for: userID) }
    }

    /// Lets a disabled account sign in again.
    package func enable(_ userID: UserID, by actor: Actor) throws(CommandError) {
        try execute(.enable, on: userID, by: actor)
    }

    /// Changes the roles and areas of an account (empty areas: all the panel's areas).
    package func changeAccess(
        _ userID: UserID, roles: Set<StaffRole>, areas: Set<String>, by actor: Actor
    ) throws(CommandError) {
        try execute(.changeAccess(roles: roles, areas: areas), on: userID, by: actor)
    }

    /// Gives an account a new generated password (it signs in once, to be changed then), ends the holding back of its
    /// sign-ins from every place and ends its sessions; returns the password, to be shown once.
    package func resetPassword(_ userID: UserID, by actor: Actor) throws(CommandError) -> String {
        let password = GeneratedPassword.make()
        let hash = PasswordHash.make(password, cost: bcryptCost)
        try handler.run(by: actor) { session throws(CommandError) in
            var credentials = try credentials(of: userID, in: session)
            let (state, _) = try session.state(of: UserDecider.self, userID.streamID)
            try session.decide(UserDecider.self, userID.streamID, .recordPasswordChanged(reset: true))
            credentials.replacePassword(hash: hash, generated: true)
            try inDatabase {
                try credentials.save(in: session.db)
                try throttle.clearAll(username: state.username, in: session.db)
            }
        }
        try ending { () throws(EventStoreError) in _ = try sessions.destroyAll(for: userID) }
        return password
    }

    /// The owner changes their password: the current one must be right and the new one meet the policy.
    /// Every session of the user ends (the server opens a new one for the browser that asked).
    package func changePassword(_ userID: UserID, old: String, new: String) throws(CommandError) {
        let (summary, current) = try account(userID)
        guard PasswordHash.verify(old, hash: current.passwordHash) else {
            throw .rejected(DomainError(code: "password.currentWrong", "The current password is not right."))
        }
        guard old != new else {
            throw .rejected(
                DomainError(code: "password.unchanged", "The new password must differ from the current one."))
        }
        do throws(DomainError) { try PasswordPolicy.check(new, username: summary.username) } catch {
            throw .rejected(error)
        }
        let hash = PasswordHash.make(new, cost: bcryptCost)
        try handler.run(by: actingAs(summary)) { session throws(CommandError) in
            var credentials = try credentials(of: userID, in: session)
            try session.decide(UserDecider.self, userID.streamID, .recordPasswordChanged(reset: false))
            credentials.replacePassword(hash: hash, generated: false)
            try inDatabase { try credentials.save(in: session.db) }
        }
        try ending { () throws(EventStoreError) in _ = try sessions.destroyAll(for: userID) }
    }

    // MARK: second factor

    /// Starts enrolling an authenticator app: a new secret, kept pending until a code from it is confirmed.
    package func enrolSecondFactor(_ userID: UserID) throws(CommandError) -> SecondFactorEnrolment {
        let (summary, _) = try account(userID)
        let totp = TOTP.generate()
        try updateCredentials(userID) { credentials in credentials.totpPendingSecret = totp.base32Secret }
        return SecondFactorEnrolment(
            secret: totp.base32Secret, otpauthURI: totp.uri(issuer: handler.panel.name, account: summary.username))
    }

    /// The enrolment under way, if any (the same secret as shown when it began), so a mistyped code can be tried
    /// again without a new key.
    package func pendingSecondFactor(_ userID: UserID) throws(CommandError) -> SecondFactorEnrolment? {
        let (summary, credentials) = try account(userID)
        guard let secret = credentials.totpPendingSecret, let bytes = Base32.decode(secret) else { return nil }
        return SecondFactorEnrolment(
            secret: secret, otpauthURI: TOTP(secret: bytes).uri(issuer: handler.panel.name, account: summary.username))
    }

    /// Whether the account has a confirmed second factor.
    package func hasSecondFactor(_ userID: UserID) throws(CommandError) -> Bool {
        try account(userID).1.totpSecret != nil
    }

    /// Confirms enrolment with a code from the app; from then on sign-in asks for a code.
    package func confirmSecondFactor(_ userID: UserID, code: String, now: Date? = nil) throws(CommandError) {
        let (summary, _) = try account(userID)
        let instant = now ?? handler.clock.now()
        try handler.run(by: actingAs(summary)) { session throws(CommandError) in
            var credentials = try credentials(of: userID, in: session)
            guard let pending = credentials.totpPendingSecret.flatMap(Base32.decode) else {
                throw .rejected(
                    DomainError(
                        code: "secondFactor.notStarted", "No second factor is being enrolled for \(summary.username)."))
            }
            guard case .accepted(let step) = TOTP(secret: pending).check(code, at: instant, lastUsedStep: nil) else {
                throw .rejected(
                    DomainError(
                        code: "secondFactor.codeWrong", "The code is not right: enter the current code from the app."))
            }
            try session.decide(UserDecider.self, userID.streamID, .recordSecondFactorEnrolled)
            credentials.totpSecret = credentials.totpPendingSecret
            credentials.totpPendingSecret = nil
            credentials.totpLastStep = step
            try inDatabase { try credentials.save(in: session.db) }
        }
    }

    /// Removes the second factor (a lost phone); an administrator must enrol a new one before signing in.
    package func removeSecondFactor(_ userID: UserID, reason: String, by actor: Actor) throws(CommandError) {
        try handler.run(by: actor) { session throws(CommandError) in
            var credentials = try credentials(of: userID, in: session)
            try session.decide(UserDecider.self, userID.streamID, .removeSecondFactor(reason: reason))
            credentials.totpSecret = nil
            credentials.totpPendingSecret = nil
            credentials.totpLastStep = nil
            try inDatabase { try credentials.save(in: session.db) }
        }
    }

    // MARK: queries

    /// The account with this username (without case), if any.
    package func user(named username: String) throws(CommandError) -> UserSummary? {
        try read { db in try UserQueries.user(named: username, in: db) }
    }

    /// The account with this id, if any.
    package func user(_ userID: UserID) throws(CommandError) -> UserSummary? {
        try read { db in try UserQueries.user(userID, in: db) }
    }

    /// Every account, by username.
    package func list(includeDisabled: Bool = true) throws(CommandError) -> [UserSummary] {
        try read { db in try UserQueries.all(includeDisabled: includeDisabled, in: db) }
    }

    // MARK: support

    /// Decides one command on a user's stream (which must exist).
    func execute(_ command: UserCommand, on userID: UserID, by actor: Actor) throws(CommandError) {
        try handler.run(by: actor) { session throws(CommandError) in
            let (state, _) = try session.state(of: UserDecider.self, userID.streamID)
            guard state.exists else { throw .notFound(kind: "user", reference: userID.description) }
            try session.decide(UserDecider.self, userID.streamID, command)
        }
    }

    /// The account and its credentials, or `notFound`.
    func account(_ userID: UserID) throws(CommandError) -> (UserSummary, Credentials) {
        let found = try read { db in (try UserQueries.user(userID, in: db), try Credentials.fetch(userID, in: db)) }
        guard let summary = found.0, let credentials = found.1 else {
            throw .notFound(kind: "user", reference: userID.description)
        }
        return (summary, credentials)
    }

    /// The credentials of a user inside a command's transaction, or `notFound`.
    func credentials(of userID: UserID, in session: CommandSession) throws(CommandError) -> Credentials {
        guard let credentials = try inDatabase({ try Credentials.fetch(userID, in: session.db) }) else {
            throw .notFound(kind: "user", reference: userID.description)
        }
        return credentials
    }

    /// Changes a user's credentials row in its own transaction (no event).
    func updateCredentials(_ userID: UserID, _ change: (inout Credentials) -> Void) throws(CommandError) {
        let found: Bool
        do {
            found = try store.writing { db in
                guard var credentials = try Credentials.fetch(userID, in: db) else { return false }
                change(&credentials)
                try credentials.save(in: db)
                return true
            }
        } catch {
            throw .store(error)
        }
        guard found else { throw .notFound(kind: "user", reference: userID.description) }
    }

    /// The actor recorded for what a user does to their own account.
    func actingAs(_ summary: UserSummary) -> Actor {
        AuthenticatedUser(summary, mustChangePassword: false).actor
    }

    func read<T>(_ body: (any SQLDatabase) throws -> T) throws(CommandError) -> T {
        do { return try store.snapshot(body) } catch { throw .store(error) }
    }

    func ending(_ body: () throws(EventStoreError) -> Void) throws(CommandError) {
        do { try body() } catch { throw .store(error) }
    }
}

/// Runs a database step inside a command, reporting a failure as the command's store error.
func inDatabase<T>(_ body: () throws -> T) throws(CommandError) -> T {
    do {
        return try body()
    } catch let error as EventStoreError {
        throw .store(error)
    } catch {
        throw .store(.storage(code: -1, message: "\(type(of: error))"))
    }
}

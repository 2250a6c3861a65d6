import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// One account's row of `user_credentials`: the bcrypt hash, whether it is a generated one-time password, and
/// the second factor. (The row's `failed_attempts` and `locked_until` columns are no longer used: failed
/// sign-ins are held back per username and place, in `sign_in_throttle`.)
package struct Credentials: Sendable, Equatable {
    package var userID: UserID
    package var passwordHash: String
    /// The password was generated (new account or reset) and should be changed at the next sign-in.
    package var mustChangePassword: Bool
    /// The password was generated for the account (printed once), not chosen by its owner: it signs in once.
    package var passwordGenerated: Bool
    /// A sign-in has used the generated password: from then on it is refused like a wrong one (the session
    /// that used it may still change it).
    package var generatedPasswordUsed: Bool
    /// The confirmed TOTP secret (base32); nil: no second factor.
    package var totpSecret: String?
    /// A secret shown for enrolment and not yet confirmed with a code.
    package var totpPendingSecret: String?
    /// The last time step whose code was accepted (a code is accepted once).
    package var totpLastStep: Int64?

    /// A new row; a `generated` password must be changed and signs in once.
    package init(userID: UserID, passwordHash: String, generated: Bool) {
        self.userID = userID
        self.passwordHash = passwordHash
        mustChangePassword = generated
        passwordGenerated = generated
        generatedPasswordUsed = false
    }

    init?(row: SQLRow) {
        guard let id = UserID(row["user_id"] as String) else { return nil }
        userID = id
        passwordHash = row["password_hash"]
        mustChangePassword = row["must_change_password"]
        passwordGenerated = row["password_generated"]
        generatedPasswordUsed = row["generated_password_used"]
        totpSecret = row["totp_secret"]
        totpPendingSecret = row["totp_pending_secret"]
        totpLastStep = row["totp_last_step"]
    }

    /// The confirmed second factor, if any.
    package var totp: TOTP? { totpSecret.flatMap(Base32.decode).map(TOTP.init(secret:)) }

    /// Whether the password is a generated one that has signed in already (so it must not sign in again).
    package var generatedPasswordSpent: Bool { passwordGenerated && generatedPasswordUsed }

    /// Gives the account a new password: `generated` (printed once, to be changed, signing in once) or chosen.
    package mutating func replacePassword(hash: String, generated: Bool) {
        passwordHash = hash
        mustChangePassword = generated
        passwordGenerated = generated
        generatedPasswordUsed = false
    }

    /// The row of one account, if it has one.
    package static func fetch(_ id: UserID, in db: any SQLDatabase) throws -> Credentials? {
        try db.row("SELECT * FROM user_credentials WHERE user_id = ?", id.description)
            .flatMap(Credentials.init(row:))
    }

    /// Writes the row whole.
    package func save(in db: any SQLDatabase) throws {
        try db.execute(
            """
                INSERT INTO user_credentials (user_id, password_hash, must_change_password,
                    password_generated, generated_password_used, totp_secret, totp_pending_secret, totp_last_step)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash,
                    must_change_password = excluded.must_change_password,
                    password_generated = excluded.password_generated,
                    generated_password_used = excluded.generated_password_used,
                    totp_secret = excluded.totp_secret, totp_pending_secret = excluded.totp_pending_secret,
                    totp_last_step = excluded.totp_last_step
            """, userID.description, passwordHash, mustChangePassword, passwordGenerated, generatedPasswordUsed,
            totpSecret, totpPendingSecret, totpLastStep)
    }
}

import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// One account's row of `user_credentials`: the bcrypt hash and the second factor. (The row's `failed_attempts`
/// and `locked_until` columns are no longer used: failed sign-ins are held back per username and place, in
/// `sign_in_throttle`, never for the account as a whole.)
package struct Credentials: Sendable, Equatable {
    package var userID: UserID
    package var passwordHash: String
    /// The password was generated (new account or reset) and should be changed at the next sign-in.
    package var mustChangePassword: Bool
    /// The confirmed TOTP secret (base32); nil: no second factor.
    package var totpSecret: String?
    /// A secret shown for enrolment and not yet confirmed with a code.
    package var totpPendingSecret: String?
    /// The last time step whose code was accepted (a code is accepted once).
    package var totpLastStep: Int64?

    package init(userID: UserID, passwordHash: String, mustChangePassword: Bool) {
        self.userID = userID
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
    }

    init?(row: Row) {
        guard let id = UserID(row["user_id"] as String) else { return nil }
        userID = id
        passwordHash = row["password_hash"]
        mustChangePassword = row["must_change_password"]
        totpSecret = row["totp_secret"]
        totpPendingSecret = row["totp_pending_secret"]
        totpLastStep = row["totp_last_step"]
    }

    /// The confirmed second factor, if any.
    package var totp: TOTP? { totpSecret.flatMap(Base32.decode).map(TOTP.init(secret:)) }

    /// The row of one account, if it has one.
    package static func fetch(_ id: UserID, in db: Database) throws -> Credentials? {
        try Row.fetchOne(db, sql: "SELECT * FROM user_credentials WHERE user_id = ?", arguments: [id.description])
            .flatMap(Credentials.init(row:))
    }

    /// Writes the row whole.
    package func save(in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO user_credentials (user_id, password_hash, must_change_password, totp_secret,
                    totp_pending_secret, totp_last_step)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [userID.description, passwordHash, mustChangePassword, totpSecret, totpPendingSecret, totpLastStep])
    }
}

import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// One staff account as the read model holds it (no secret).
package struct UserSummary: Sendable, Equatable, Codable {
    package var userID: UserID
    package var username: String
    package var displayName: String
    package var email: String
    package var roles: Set<StaffRole>
    /// Area codes the user is limited to; empty: all the panel's areas.
    package var areas: Set<String>
    package var disabled: Bool
    package var secondFactorEnrolled: Bool
    package var createdAt: Date

    init?(row: SQLRow) {
        guard let id = UserID(row["user_id"] as String) else { return nil }
        userID = id
        username = row["username"]
        displayName = row["display_name"]
        email = row["email"]
        roles = Set((row["roles"] as String).split(separator: ",").compactMap { StaffRole(rawValue: String($0)) })
        areas = Set((row["areas"] as String).split(separator: ",").map(String.init))
        disabled = row["disabled"]
        secondFactorEnrolled = row["second_factor"]
        createdAt = UTCTimestamp.parse(row["created_at"] as String) ?? .distantPast
    }
}

/// Questions asked of the users read model.
package enum UserQueries {
    /// The account with this username (compared without case), if any.
    package static func user(named username: String, in db: any SQLDatabase) throws -> UserSummary? {
        try db.row(
            "SELECT * FROM users WHERE username = ? COLLATE NOCASE", username.trimmingCharacters(in: .whitespaces)
        ).flatMap(UserSummary.init(row:))
    }

    /// The account with this id, if any.
    package static func user(_ id: UserID, in db: any SQLDatabase) throws -> UserSummary? {
        try db.row("SELECT * FROM users WHERE user_id = ?", id.description)
            .flatMap(UserSummary.init(row:))
    }

    /// Every account by username; disabled ones only when asked.
    package static func all(includeDisabled: Bool = true, in db: any SQLDatabase) throws -> [UserSummary] {
        try db.rows(
            "SELECT * FROM users \(includeDisabled ? "" : "WHERE disabled = 0") ORDER BY username COLLATE NOCASE"
        ).compactMap(UserSummary.init(row:))
    }
}

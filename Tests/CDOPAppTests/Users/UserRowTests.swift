import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// The `users` read model keeps one row per account, and a username is never held by two.
@Suite("Account rows")
struct UserRowTests {
    static func account(_ id: String, _ username: String, displayName: String) -> UserState {
        var state = UserState()
        state.userID = UserID(UUID(uuidString: id)!)
        state.username = username
        state.displayName = displayName
        state.email = "\(username)@example.org"
        state.roles = [.coordinator]
        state.createdAt = Date(timeIntervalSince1970: 1_750_000_000)
        return state
    }

    @Test("A second account with a taken username is refused, and the first account's row is kept, never replaced")
    func aClashingUsernameFailsInsteadOfDeletingTheOtherAccount() throws {
        let folder = TemporaryDirectory("cdop-users")
        let queue = try DatabaseQueue(path: folder.path("users.sqlite"))
        let first = Self.account("0b5b0a55-8f0e-4f59-9a53-3c1d8f1f9a01", "sam.coordinator", displayName: "Sam")
        let clash = Self.account("7c2d4e11-0d5a-4b8e-8f4c-5a6b7c8d9e02", "Sam.Coordinator", displayName: "Another Sam")
        try queue.write { db in
            for migration in ReadModels.migrations { try migration.migrate(db) }
            try UserTables.write(first, in: db)
        }
        #expect(throws: DatabaseError.self) { try queue.write { db in try UserTables.write(clash, in: db) } }

        // The same account written again (a later event) is updated where it is.
        var renamed = first
        renamed.displayName = "Sam Coordinator"
        renamed.disabledAt = Date(timeIntervalSince1970: 1_760_000_000)
        try queue.write { db in try UserTables.write(renamed, in: db) }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT user_id, display_name, disabled FROM users")
        }
        #expect(rows.count == 1)
        #expect(rows.first?["user_id"] == first.userID!.description)
        #expect(rows.first?["display_name"] == "Sam Coordinator")
        #expect(rows.first?["disabled"] == true)
    }
}

import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// The staff accounts: one row per user, without any secret (credentials live in `user_credentials`, outside
/// the read models). Rewritten only by events that change the account, never by its access log.
package enum UserTables {
    package static let migration = SchemaMigration("projections.v1.users") { db in
        try db.execute(
            """
            CREATE TABLE users (
                user_id        TEXT PRIMARY KEY,
                username       TEXT NOT NULL,
                display_name   TEXT NOT NULL,
                email          TEXT NOT NULL,
                roles          TEXT NOT NULL,
                areas          TEXT NOT NULL,
                disabled       INTEGER NOT NULL,
                second_factor  INTEGER NOT NULL,
                created_at     TEXT NOT NULL
            );
            CREATE UNIQUE INDEX users_by_username ON users (username COLLATE NOCASE);
            """)
    }

    /// Writes the row of one account, in place when it exists. Roles and areas are stored as sorted,
    /// comma-separated codes.
    ///
    /// An upsert on the account's id, never `INSERT OR REPLACE`: usernames are unique, and a REPLACE would
    /// silently delete another account's row holding the same name (as it once lost case summaries sharing a
    /// reference). A clash of names fails the write, and with it the append or the rebuild, instead.
    package static func write(_ state: UserState, in db: any SQLDatabase) throws {
        guard let id = state.userID, let created = state.createdAt else { return }
        try db.execute(
            """
            INSERT INTO users (user_id, username, display_name, email, roles, areas, disabled,
                second_factor, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET username = excluded.username,
                display_name = excluded.display_name, email = excluded.email, roles = excluded.roles,
                areas = excluded.areas, disabled = excluded.disabled, second_factor = excluded.second_factor,
                created_at = excluded.created_at
            """, id.description, state.username, state.displayName, state.email,
            state.roles.sorted().map(\.rawValue).joined(separator: ","), state.areas.sorted().joined(separator: ","),
            state.isDisabled, state.secondFactorEnrolled, UTCTimestamp.string(from: created))
    }

    /// Folds a user's stream when an account event or an outbox event is appended (the account's row and its
    /// emails to its owner); sign-ins and case views pass by.
    package static let projection = AccountEventsOnly(
        folding: FoldingProjection<UserDecider>(name: "users", streamPrefix: UserIdentity.streamPrefix) {
            state, streamID, _, _, db in
            try write(state, in: db)
            try OutboxTables.write(state.outboxEmails, streamID: streamID, caseID: nil, in: db)
        })

    /// The events the projection folds: those that change an account or its outbox.
    static let foldedTypeNames = UserEvent.accountTypeNames.union(UserEvent.outboxTypeNames)

    /// A projection that hands the folding projection only the events that change an account or its outbox.
    package struct AccountEventsOnly: InlineProjection {
        package let folding: FoldingProjection<UserDecider>
        package var name: String { folding.name }

        package func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
            let account = events.filter { UserTables.foldedTypeNames.contains($0.type) }
            guard !account.isEmpty else { return }
            try folding.apply(account, in: context)
        }

        /// The same projection sharing `cache`.
        package func sharing(_ cache: StateCache) -> AccountEventsOnly {
            AccountEventsOnly(folding: folding.sharing(cache))
        }
    }
}

import CDOPStore
import GRDB

/// The tables that hold secrets and sessions (used by CDOPApp's UserDirectory and SessionStore). They are not read models: no event can rebuild them (the log
/// never holds a secret), so `cdop rebuild` neither creates nor compares them.
package enum CredentialTables {
    package static let credentialsMigration = SchemaMigration("users.v1.credentials") { db in
        try db.execute(
            """
            CREATE TABLE user_credentials (
                user_id              TEXT PRIMARY KEY,
                password_hash        TEXT NOT NULL,
                must_change_password INTEGER NOT NULL DEFAULT 0,
                totp_secret          TEXT,
                totp_pending_secret  TEXT,
                totp_last_step       INTEGER,
                failed_attempts      INTEGER NOT NULL DEFAULT 0,
                locked_until         TEXT
            );
            """)
    }

    package static let sessionsMigration = SchemaMigration("users.v1.sessions") { db in
        try db.execute(
            """
            CREATE TABLE sessions (
                token_hash        TEXT PRIMARY KEY,
                user_id           TEXT NOT NULL,
                csrf_token        TEXT NOT NULL,
                created_at        TEXT NOT NULL,
                last_seen_at      TEXT NOT NULL,
                expires_at        TEXT NOT NULL,
                absolute_expiry   TEXT NOT NULL
            );
            CREATE INDEX sessions_by_user ON sessions (user_id);
            """)
    }

    /// Generated passwords sign in once: the row says whether the password was generated and whether it has
    /// been used. Rows from before are taken as generated when they must still be changed.
    package static let generatedPasswordMigration = SchemaMigration("users.v2.generated-password") { db in
        try db.execute(
            """
            ALTER TABLE user_credentials ADD COLUMN password_generated INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE user_credentials ADD COLUMN generated_password_used INTEGER NOT NULL DEFAULT 0;
            UPDATE user_credentials SET password_generated = must_change_password;
            """)
    }

    /// Failed sign-ins per username and place (both kept only as SHA-256 digests): how many in a row, and until
    /// when further attempts are refused without checking the password. Replaces the account-wide lock.
    package static let throttleMigration = SchemaMigration("users.v2.sign-in-throttle") { db in
        try db.execute(
            """
            CREATE TABLE sign_in_throttle (
                account_key      TEXT NOT NULL,
                source_key       TEXT NOT NULL,
                failures         INTEGER NOT NULL,
                last_failure_at  TEXT NOT NULL,
                blocked_until    TEXT,
                PRIMARY KEY (account_key, source_key)
            ) WITHOUT ROWID;
            CREATE INDEX sign_in_throttle_by_last_failure ON sign_in_throttle (last_failure_at);
            """)
    }

    package static let migrations = [
        credentialsMigration, sessionsMigration, throttleMigration, generatedPasswordMigration,
    ]
}

import CDOPStore
import Foundation

/// The request limits' buckets when several servers share one database, so a client's allowance is one
/// allowance whichever server answers. Keyed by the limit's name and a SHA-256 digest of the client's key (a
/// client's address is never stored as seen). Not a read model: no event fills it.
package enum RateLimitTable {
    package static let migration = SchemaMigration("limits.v1.rate-buckets") { db in
        try db.execute(
            """
            CREATE TABLE rate_limit_buckets (
                limiter     TEXT NOT NULL,
                client_key  TEXT NOT NULL,
                tokens      REAL NOT NULL,
                updated_at  REAL NOT NULL,
                PRIMARY KEY (limiter, client_key)
            ) WITHOUT ROWID;
            CREATE INDEX rate_limit_buckets_by_update ON rate_limit_buckets (limiter, updated_at);
            """)
    }

    /// A bucket's tokens and when it was last used, locked for this transaction. A client not seen gets a row
    /// first when `creating` is given (a full bucket, and the moment), so two servers meeting a new client at
    /// once share one row; without it, an unknown client is nil.
    package static func lockedBucket(
        limiter: String, clientKey: String, creating new: (tokens: Double, at: Date)?, in db: any SQLDatabase
    ) throws -> (tokens: Double, updated: Date)? {
        if let new {
            try db.execute(
                """
                INSERT INTO rate_limit_buckets (limiter, client_key, tokens, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (limiter, client_key) DO NOTHING
                """, limiter, clientKey, new.tokens, new.at.timeIntervalSince1970)
        }
        return try bucket(limiter: limiter, clientKey: clientKey, locking: true, in: db)
    }

    /// Stores a bucket's tokens and last use.
    package static func save(
        limiter: String, clientKey: String, tokens: Double, updated: Date, in db: any SQLDatabase
    ) throws {
        try db.execute(
            "UPDATE rate_limit_buckets SET tokens = ?, updated_at = ? WHERE limiter = ? AND client_key = ?",
            tokens, updated.timeIntervalSince1970, limiter, clientKey)
    }

    /// A bucket as last stored (locked for the transaction with `locking`); nil for a client not seen.
    package static func bucket(
        limiter: String, clientKey: String, locking: Bool = false, in db: any SQLDatabase
    ) throws -> (tokens: Double, updated: Date)? {
        guard
            let row = try db.row(
                "SELECT tokens, updated_at FROM rate_limit_buckets WHERE limiter = ? AND client_key = ?"
                    + (locking ? LeaseClaims.forUpdate(in: db) : ""), limiter, clientKey)
        else { return nil }
        return (row[0], Date(timeIntervalSince1970: row[1]))
    }

    /// Forgets `limiter`'s buckets unused since `before` (they are full again).
    package static func forget(limiter: String, unusedSince before: Date, in db: any SQLDatabase) throws {
        try db.execute(
            "DELETE FROM rate_limit_buckets WHERE limiter = ? AND updated_at < ?", limiter,
            before.timeIntervalSince1970)
    }
}

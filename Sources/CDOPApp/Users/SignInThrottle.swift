import CDOPStore
import Foundation
import GRDB

/// How failed sign-ins are slowed down: per username and place (the client's address), never for the account
/// as a whole, so nobody can lock another person out and another place can still sign in.
///
/// After `freeFailures` failures in a row from one place for one username, each further attempt from there is
/// refused, without checking the password, for 2^(n − `freeFailures`) seconds after the n-th failure, up to
/// `maximumDelay`. A success from that place clears the run; a run is forgotten `forgetAfter` after its last
/// failure. The table keeps only SHA-256 digests of the username and the place: a username typed by mistake (a
/// password, often) and a client's address are never stored as typed.
package struct SignInThrottle: Sendable {
    /// Failures in a row from one place that are answered at once (3).
    package var freeFailures = 3
    /// The longest hold (15 minutes).
    package var maximumDelay: TimeInterval = 15 * 60
    /// A run of failures is forgotten this long after its last failure (a day).
    package var forgetAfter: TimeInterval = 24 * 3600

    package init() {}

    /// Whom and where from: digests of the normalised username and of the place.
    package struct Key: Sendable, Hashable {
        package var account: String
        package var source: String

        /// The key of `username` (trimmed, without case, as sign-in looks it up) from `source` (the client's
        /// address; nil from the command line, which has none).
        package init(username: String, source: String?) {
            account = SecretToken.digest("username:" + username.trimmingCharacters(in: .whitespaces).lowercased())
            self.source = SecretToken.digest("source:" + (source ?? "local"))
        }
    }

    /// How long attempts are held back after `failures` failures in a row; nil while they are still free.
    package func delay(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= freeFailures else { return nil }
        let exponent = failures - freeFailures
        return exponent >= 20 ? maximumDelay : min(pow(2, Double(exponent)), maximumDelay)
    }

    /// Until when attempts for `key` are held back at `now`; nil when they may be checked.
    package func heldUntil(_ key: Key, now: Date, in db: any SQLDatabase) throws -> Date? {
        let until = try db.value(
            String.self, "SELECT blocked_until FROM sign_in_throttle WHERE account_key = ? AND source_key = ?",
            key.account, key.source
        ).flatMap { UTCTimestamp.parse($0) }
        guard let until, until > now else { return nil }
        return until
    }

    /// What recording a failure found: the run's length, and whether further attempts are now held back.
    package struct Failure: Sendable, Equatable {
        package var failures: Int
        package var holdsBack: Bool
    }

    /// Counts one failure for `key` at `now` (a run older than `forgetAfter` starts again), holds further
    /// attempts back when the run is long enough, and forgets runs nobody has added to for `forgetAfter`.
    package func recordFailure(_ key: Key, now: Date, in db: any SQLDatabase) throws -> Failure {
        let horizon = UTCTimestamp.string(from: now.addingTimeInterval(-forgetAfter))
        try db.execute("DELETE FROM sign_in_throttle WHERE last_failure_at < ?", horizon)
        let earlier =
            try db.value(
                Int.self, "SELECT failures FROM sign_in_throttle WHERE account_key = ? AND source_key = ?", key.account,
                key.source) ?? 0
        let failures = earlier + 1
        let until = delay(afterFailures: failures).map { UTCTimestamp.string(from: now.addingTimeInterval($0)) }
        try db.execute(
            """
            INSERT INTO sign_in_throttle (account_key, source_key, failures, last_failure_at, blocked_until)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (account_key, source_key) DO UPDATE SET failures = excluded.failures,
                last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until
            """, key.account, key.source, failures, UTCTimestamp.string(from: now), until)
        return Failure(failures: failures, holdsBack: failures >= freeFailures)
    }

    /// Ends the run of `key` (a success from that place).
    package func clear(_ key: Key, in db: any SQLDatabase) throws {
        try db.execute("DELETE FROM sign_in_throttle WHERE account_key = ? AND source_key = ?", key.account, key.source)
    }

    /// Ends every run of a username, from every place (its password was reset).
    package func clearAll(username: String, in db: any SQLDatabase) throws {
        try db.execute(
            "DELETE FROM sign_in_throttle WHERE account_key = ?", Key(username: username, source: nil).account)
    }
}

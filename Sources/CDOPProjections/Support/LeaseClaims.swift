import CDOPStore
import Foundation

/// The claims senders hold on queued work (the outbox's emails, the national return's deliveries): one row per
/// item, keyed by the item, with the moment its lease runs out.
///
/// Several senders may claim at once (servers on one PostgreSQL database, each claiming in a transaction of its
/// own): the candidates are read with `skipLocked` (`FOR UPDATE ... SKIP LOCKED`, so a sender passes over the
/// items another is taking), and each claim is taken only if no other sender holds it, the claim row itself
/// deciding. An item two senders both read is claimed by one.
enum LeaseClaims {
    /// The clause that locks the rows of `table` (an alias) a claim reads, passing over those another claim has
    /// locked; SQLite's single writer needs none.
    static func skipLocked(_ table: String, in db: any SQLDatabase) -> String {
        db.engine == .postgres ? " FOR UPDATE OF \(table) SKIP LOCKED" : ""
    }

    /// The clause that locks the row a read returns until the transaction ends, so a read-then-write by two
    /// servers at once happens one after the other; SQLite's single writer needs none.
    static func forUpdate(in db: any SQLDatabase) -> String {
        db.engine == .postgres ? " FOR UPDATE" : ""
    }

    /// Claims each key until `until` in `table` (keyed by `keyColumn`, with a `claimed_until` column) unless
    /// another sender's claim on it runs past `now`; returns the keys claimed.
    static func claim(
        _ keys: [String], now: Date, until: Date, table: String, keyColumn: String, in db: any SQLDatabase
    ) throws -> Set<String> {
        let (moment, expiry) = (UTCTimestamp.string(from: now), UTCTimestamp.string(from: until))
        var claimed: Set<String> = []
        for key in keys {
            let taken = try db.rows(
                """
                INSERT INTO \(table) (\(keyColumn), claimed_until) VALUES (?, ?)
                ON CONFLICT (\(keyColumn)) DO UPDATE SET claimed_until = excluded.claimed_until
                WHERE \(table).claimed_until IS NULL OR \(table).claimed_until <= ?
                RETURNING \(keyColumn)
                """, key, expiry, moment)
            if !taken.isEmpty { claimed.insert(key) }
        }
        return claimed
    }
}

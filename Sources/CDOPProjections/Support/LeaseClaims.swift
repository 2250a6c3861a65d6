import CDOPStore
import Foundation
import GRDB

/// The claims senders hold on queued work (the outbox's emails, the national return's deliveries): one row per
/// item, keyed by the item, with the moment its lease runs out.
enum LeaseClaims {
    /// Claims every key until `until` in `table` (keyed by `keyColumn`, with a `claimed_until` column), taking
    /// over claims that ran out; run inside the write transaction that found the keys due.
    static func claim(_ keys: [String], until: Date, table: String, keyColumn: String, in db: any SQLDatabase) throws {
        let moment = UTCTimestamp.string(from: until)
        for key in keys {
            try db.execute(
                """
                INSERT INTO \(table) (\(keyColumn), claimed_until) VALUES (?, ?)
                ON CONFLICT (\(keyColumn)) DO UPDATE SET claimed_until = excluded.claimed_until
                """, key, moment)
        }
    }
}

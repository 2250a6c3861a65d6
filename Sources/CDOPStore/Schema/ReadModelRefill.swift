import GRDB

/// The read-model migrations whose read models have not yet been refilled from the events.
///
/// A migration that changes a read model is recorded here in the transaction that applies it, and the record
/// is cleared in the transaction that refills the read models. So a process that stops between the two (a
/// crash, a kill, a failed refill) leaves the refill still owed, and the next opening does it: the read models
/// are never left unfilled for good.
package enum ReadModelRefill {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS read_models_to_refill (migration TEXT NOT NULL PRIMARY KEY)
        """

    package static func record(_ migration: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO read_models_to_refill (migration) VALUES (?)", arguments: [migration])
    }

    /// The migrations still awaiting a refill, in name order; empty when the read models are filled.
    package static func pending(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT migration FROM read_models_to_refill ORDER BY migration")
    }

    /// Marks the refill done: call it in the transaction that writes the refilled read models.
    package static func markDone(in db: Database) throws {
        try db.execute(sql: "DELETE FROM read_models_to_refill")
    }
}

/// The read-model migrations whose read models have not yet been refilled from the events.
///
/// A migration that changes a read model is recorded here in the transaction that applies it, and the record
/// is cleared in the transaction that refills the read models. So a process that stops between the two (a
/// crash, a kill, a failed refill) leaves the refill still owed, and the next opening does it: the read models
/// are never left unfilled for good.
package enum ReadModelRefill {
    package static let createTable = """
        CREATE TABLE IF NOT EXISTS read_models_to_refill (migration TEXT NOT NULL PRIMARY KEY)
        """

    package static func record(_ migration: String, in db: any SQLDatabase) throws {
        try db.execute(
            "INSERT INTO read_models_to_refill (migration) VALUES (?) ON CONFLICT (migration) DO NOTHING", migration)
    }

    /// The migrations still awaiting a refill, in name order; empty when the read models are filled.
    package static func pending(in db: any SQLDatabase) throws -> [String] {
        try db.values(String.self, "SELECT migration FROM read_models_to_refill ORDER BY migration")
    }

    /// Marks the refill done: call it in the transaction that writes the refilled read models.
    package static func markDone(in db: any SQLDatabase) throws {
        try db.execute("DELETE FROM read_models_to_refill")
    }
}

import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// The SQL the read models are written in gives the same answers on both engines: types, NULLs, upserts,
/// conflicts ignored, sums and comparisons, several statements at once, and a transaction undone by a throw.
/// (An upsert's condition names its table's columns with the table: PostgreSQL finds a bare name ambiguous
/// beside `excluded`.)
@Suite("SQL on both engines")
struct SQLDatabaseContractTests {
    static let table = """
        CREATE TABLE things (
            id      TEXT PRIMARY KEY,
            count   INTEGER NOT NULL,
            ratio   REAL,
            bytes   BLOB,
            note    TEXT
        ) WITHOUT ROWID;
        CREATE INDEX things_noted ON things (id) WHERE note IS NOT NULL
        """

    @Test("Values go in and come back as they went, NULLs included", arguments: EventLogEngine.allCases)
    func valuesRoundTrip(engine: EventLogEngine) async throws {
        let database = try await engine.makeSQL()
        let rows = try await database.write { db in
            try db.execute(Self.table)
            try db.execute(
                "INSERT INTO things (id, count, ratio, bytes, note) VALUES (?, ?, ?, ?, ?)", "a", 9_000_000_000,
                0.25, Data([0, 1, 2, 255]), "it's ? here")
            try db.execute(
                "INSERT INTO things (id, count, ratio, bytes, note) VALUES (?, ?, ?, ?, ?)", "b", 2, nil, nil, nil)
            return try db.rows("SELECT id, count, ratio, bytes, note FROM things ORDER BY id")
        }
        #expect(rows.count == 2)
        #expect(rows[0]["id"] as String == "a")
        #expect(rows[0]["count"] as Int64 == 9_000_000_000)
        #expect(rows[0]["ratio"] as Double == 0.25)
        #expect(rows[0]["bytes"] as Data == Data([0, 1, 2, 255]))
        #expect(rows[0]["note"] as String == "it's ? here")
        #expect(rows[1]["ratio"] as Double? == nil)
        #expect(rows[1]["note"] as String? == nil)
        #expect(rows[1].values.suffix(3) == [.null, .null, .null])
    }

    @Test(
        "Upserts skip unchanged rows, ignored conflicts keep the first, sums and tests read as integers",
        arguments: EventLogEngine.allCases)
    func upsertsAndAggregates(engine: EventLogEngine) async throws {
        let database = try await engine.makeSQL()
        let (changed, first, sum, test, count) = try await database.write { db in
            try db.execute(Self.table)
            let upsert = """
                INSERT INTO things (id, count, note) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET count = excluded.count, note = excluded.note
                WHERE things.count IS DISTINCT FROM excluded.count OR things.note IS DISTINCT FROM excluded.note
                RETURNING id
                """
            _ = try db.rows(upsert, "a", 1, nil)
            let unchanged = try db.rows(upsert, "a", 1, nil)
            let changed = try db.rows(upsert, "a", 2, "now")
            try db.execute("INSERT OR IGNORE INTO things (id, count) VALUES (?, ?)", "a", 99)
            try db.execute("INSERT OR IGNORE INTO things (id, count) VALUES (?, ?)", "b", 3)
            return (
                unchanged.count * 10 + changed.count,
                try db.value(Int.self, "SELECT count FROM things WHERE id = ?", "a"),
                try db.value(Int.self, "SELECT SUM(count) FROM things"),
                try db.values(Bool.self, "SELECT count > 2 FROM things ORDER BY id"),
                try db.value(Int.self, "SELECT COUNT(*) FROM things WHERE note IS NULL")
            )
        }
        #expect(changed == 1, "an unchanged row is not written again; a changed one is")
        #expect(first == 2)
        #expect(sum == 5)
        #expect(test == [false, true])
        #expect(count == 1)
    }

    @Test("A throw undoes the transaction's writes", arguments: EventLogEngine.allCases)
    func aThrowUndoesTheTransaction(engine: EventLogEngine) async throws {
        struct Refused: Error {}
        let database = try await engine.makeSQL()
        try await database.write { db in try db.execute(Self.table) }
        await #expect(throws: (any Error).self) {
            try await database.write { db in
                try db.execute("INSERT INTO things (id, count) VALUES (?, ?)", "a", 1)
                throw Refused()
            }
        }
        #expect(try await database.write { db in try db.value(Int.self, "SELECT COUNT(*) FROM things") } == 0)
    }

    @Test("A refused statement says why, never with the values bound to it", arguments: EventLogEngine.allCases)
    func aRefusedStatementSaysWhy(engine: EventLogEngine) async throws {
        let database = try await engine.makeSQL()
        try await database.write { db in try db.execute(Self.table) }
        let error = await #expect(throws: (any Error).self) {
            try await database.write { db in
                try db.execute("INSERT INTO things (id, count) VALUES (?, ?)", "Olivia Smith", nil)
            }
        }
        let text = String(describing: error!)
        #expect(text.localizedStandardContains("null"), "\(text)")
        #expect(!text.contains("Olivia"), "\(text)")
    }
}

import CDOPStore
import Foundation
import GRDB
import Testing

@Suite("The database enforces append-only")
struct AppendOnlyTests {
    @Test("Updating an event fails in the database itself")
    func updateFails() throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "case-1", expected: .any, events: events(1), recordedAt: testMoment)
        let error = #expect(throws: DatabaseError.self) {
            try fixture.store.database.write { db in try db.execute(sql: "UPDATE events SET data = '{}'") }
        }
        #expect(error?.message?.contains("append-only") == true)
    }

    @Test("Deleting an event fails in the database itself")
    func deleteFails() throws {
        let fixture = try StoreFixture()
        try fixture.store.append(to: "case-1", expected: .any, events: events(2), recordedAt: testMoment)
        #expect(throws: DatabaseError.self) {
            try fixture.store.database.write { db in try db.execute(sql: "DELETE FROM events WHERE position = 2") }
        }
        #expect(try fixture.store.lastPosition() == 2)
    }

    @Test("A database upgraded by a newer cdop is refused rather than misread")
    func newerDatabaseIsRefused() throws {
        let fixture = try StoreFixture()
        try fixture.store.database.write { db in
            try db.execute(sql: "INSERT INTO schema_migrations (name, applied_order) VALUES ('store.v99.future', 99)")
        }
        #expect(throws: EventStoreError.databaseNewerThanApplication(unknownMigrations: ["store.v99.future"])) {
            _ = try fixture.reopen()
        }
    }

    @Test("The durability setting is applied and read back")
    func durabilityIsApplied() throws {
        var options = EventStoreOptions()
        options.durability = .powerLoss
        let fixture = try StoreFixture(options: options)
        let synchronous = try fixture.store.database.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(synchronous == 2)
        let journal = try fixture.store.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }
}

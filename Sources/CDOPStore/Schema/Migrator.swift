import Foundation
import GRDB

/// Applies pending schema migrations in one IMMEDIATE transaction, so two processes opening a new file at once
/// cannot both create it, and a failed upgrade leaves the previous schema untouched.
struct Migrator {
    var migrations: [SchemaMigration]

    /// Returns the names of the migrations it applied.
    func migrate(_ database: DatabasePool, timeout: TimeInterval) throws(EventStoreError) -> [String] {
        let known = migrations.map(\.name)
        do {
            return try database.writeWithoutTransaction { db in
                var done: [String] = []
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: """
                            CREATE TABLE IF NOT EXISTS schema_migrations (
                                name TEXT NOT NULL PRIMARY KEY, applied_order INTEGER NOT NULL)
                            """)
                    try db.execute(sql: ReadModelRefill.createTable)
                    let applied = try String.fetchSet(db, sql: "SELECT name FROM schema_migrations")
                    let unknown = applied.subtracting(known).sorted()
                    guard unknown.isEmpty else {
                        throw EventStoreError.databaseNewerThanApplication(unknownMigrations: unknown)
                    }
                    for (order, migration) in migrations.enumerated() where !applied.contains(migration.name) {
                        try migration.migrate(db)
                        done.append(migration.name)
                        try db.execute(
                            sql: "INSERT INTO schema_migrations (name, applied_order) VALUES (?, ?)",
                            arguments: [migration.name, order])
                        if migration.changesReadModels { try ReadModelRefill.record(migration.name, in: db) }
                    }
                    return .commit
                }
                return done
            }
        } catch {
            throw StoreErrorMapping.map(error, busyTimeout: timeout)
        }
    }
}

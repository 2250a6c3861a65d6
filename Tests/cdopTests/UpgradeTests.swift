import CDOPTesting
import Foundation
import GRDB
import Testing

/// A database written by an earlier cdop is brought up to date at start-up, in one transaction, keeping its data.
@Suite("Upgrading an earlier database")
struct UpgradeTests {
    /// `Fixtures/schema-v1.sql`: a database from before `projections.v2.practitioner_links`, with two cases.
    static func earlierDatabase(at path: String) throws -> (events: Int, cases: Int) {
        let script = try String(
            contentsOf: BuiltProducts.packageRoot.appendingPathComponent("Tests/cdopTests/Fixtures/schema-v1.sql"),
            encoding: .utf8)
        try SQLiteFile.write(path) { db in try db.execute(sql: script) }
        return try SQLiteFile.read(path) { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_summaries") ?? 0
            )
        }
    }

    @Test("A database made by the earlier schema is migrated when opened, and its events and cases survive")
    func earlierSchemaIsMigrated() async throws {
        let cli = CLI()
        let before = try Self.earlierDatabase(at: cli.database)
        #expect(before.events > 0 && before.cases == 2)
        let verify = try await cli.run("verify")
        #expect(verify.status == 0, "\(verify)")

        let after = try SQLiteFile.read(cli.database) { db in
            (
                events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                cases: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_summaries") ?? 0,
                migrations: try String.fetchSet(db, sql: "SELECT name FROM schema_migrations"),
                links: try db.tableExists("practitioner_links")
            )
        }
        #expect(after.events == before.events && after.cases == before.cases)
        #expect(after.migrations.contains("projections.v2.practitioner_links") && after.links)
        let list = try await cli.run("case", "list", "--json")
        #expect(list.status == 0 && (list.list?.count ?? 0) == 2, "\(list)")
    }

    @Test("A database from a newer cdop is refused, and left as it was")
    func newerDatabaseIsRefused() async throws {
        let cli = CLI()
        _ = try Self.earlierDatabase(at: cli.database)
        try SQLiteFile.write(cli.database) { db in
            try db.execute(
                sql: "INSERT INTO schema_migrations (name, applied_order) VALUES ('projections.v9.future', 99)")
        }
        let run = try await cli.run("verify")
        #expect(run.status == 1)
        #expect(run.error.contains("projections.v9.future"), "\(run)")
        #expect(try SQLiteFile.read(cli.database) { db in try db.tableExists("practitioner_links") } == false)
    }
}

import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// `projections.v3.case-summaries-external-reference`: a database from before the column gets it, filled from
/// the events it already holds.
@Suite("The external reference column added on upgrade")
struct ExternalReferenceUpgradeTests {
    @Test("A database from before the external reference column is filled from its events at the first opening")
    func columnIsFilledFromTheEvents() throws {
        let fixture = try AppFixture()
        _ = try HistoricImport(workflow: fixture.workflow, panel: fixture.engine.panel).run(
            "reference,surname,date_of_birth,sex,area_code,date_of_death,date_notified,expected\n"
                + "B11-001,Testchild,2020-01-02,female,NTH,2024-07-01,2024-07-02,expected\n",
            by: fixture.coordinator)
        try fixture.engine.sqliteStore!.database.close()
        var configuration = AppConfiguration()
        configuration.databasePath = fixture.folder.path("cdop.sqlite")
        // Back to the schema before the migration, as a database of that time was.
        let queue = try DatabaseQueue(path: configuration.databasePath)
        try queue.write { db in
            try db.execute(sql: "DROP INDEX case_summaries_by_external_reference")
            try db.execute(sql: "ALTER TABLE case_summaries DROP COLUMN external_reference")
            try db.execute(
                sql: "DELETE FROM schema_migrations WHERE name = 'projections.v3.case-summaries-external-reference'")
        }
        try queue.close()

        let upgraded = try Engine(configuration: configuration, clock: fixture.clock)
        #expect(upgraded.sqliteStore!.migrationsApplied == ["projections.v3.case-summaries-external-reference"])
        let found = try upgraded.sqliteStore!.read { db in try CaseQueries.resolve("B11-001", in: db) }
        guard case .success(let caseID) = found else {
            Issue.record("not found by its reference: \(found)")
            return
        }
        #expect(
            try upgraded.sqliteStore!.read { db in try CaseQueries.summary(caseID, in: db) }?.externalReference
                == "B11-001")
        #expect(try ReadModelRebuild(store: upgraded.sqliteStore!).run().isClean)
    }
}

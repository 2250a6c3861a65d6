import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPStore
import CDOPTesting
import Foundation
import GRDB

/// An engine on a fresh database with the import at hand, and the coordinator who runs it.
struct ImportFixture {
    /// The heading row of an import file: every column, in order.
    static let heading =
        "reference,surname,forenames,nhs_number,date_of_birth,sex,ethnicity,area_code,date_of_death,date_notified,expected,reviewed_on,category,outcome,modifiable_factors,preventability,learning_themes"

    let folder = TemporaryDirectory("cdop-import")
    let engine: Engine
    let actor = Actor(name: "casey.coordinator", role: "coordinator")

    init() throws {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        engine = try Engine(configuration: configuration, clock: TestClock(iso: "2026-06-01T09:00:00Z"))
    }

    var importer: HistoricImport { HistoricImport(workflow: engine.workflow, panel: engine.panel) }

    func events() throws -> Int {
        try engine.sqliteStore!.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }
}

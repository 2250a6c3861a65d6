import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A historic case's reference in the panel's earlier records, on its page.
@Suite("A historic case's earlier reference on its page")
struct CasePageReferenceTests {
    @Test("The case page shows the reference the case had in the earlier records")
    func theCasePageShowsTheReferenceTheCaseHadInTheEarlierRecords() async throws {
        let fixture = try await WebFixture()
        let rows = [
            "reference,surname,date_of_birth,sex,area_code,date_of_death,date_notified,expected",
            "B11-001,Testchild,2020-01-02,female,NTH,2024-07-01,2024-07-02,expected",
        ].joined(separator: "\n")
        _ = try HistoricImport(workflow: fixture.engine.workflow, panel: fixture.engine.panel)
            .run(rows, by: Actor(name: "casey.coordinator", role: "coordinator"))
        let caseID = try await fixture.engine.sqliteStore!.read { db in try CaseQueries.resolve("B11-001", in: db) }
            .get()
        try await fixture.browse(as: .coordinator) { browser, _ in
            let page = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(page.contains("<dt>Reference in earlier records</dt><dd>B11-001</dd>"), "\(page)")
        }
    }
}

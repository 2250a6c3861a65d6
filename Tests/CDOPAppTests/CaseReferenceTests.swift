import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// A case's human reference is the first eight hex digits of its id, so two cases can share one.
@Suite("Cases that share a reference")
struct CaseReferenceTests {
    @Test("Two cases whose ids begin alike both keep their summary rows, under the same reference")
    func casesSharingAReferenceAreBothListed() throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let second = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        var states = [try fixture.workflow.caseState(first), try fixture.workflow.caseState(second)]
        states[0].caseID = CaseID(UUID(uuidString: "5d662126-bfbb-421c-ae3c-8ccead52421d")!)
        states[1].caseID = CaseID(UUID(uuidString: "5d662126-de8e-46d8-b30b-5c09d1abae4d")!)

        var configuration = Configuration()
        configuration.prepareDatabase { db in ReadModelSealing.register(in: db, protection: nil) }
        let queue = try DatabaseQueue(path: fixture.folder.path("references.sqlite"), configuration: configuration)
        try queue.write { db in
            for migration in ReadModels.migrations { try migration.migrate(db) }
            for state in states + states.reversed() { try CaseTables.write(state, version: 1, in: db) }
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT case_id, reference FROM case_summaries ORDER BY case_id")
        }
        #expect(rows.map { $0["case_id"] as String } == states.map { $0.caseID!.description })
        #expect(Set(rows.map { $0["reference"] as String }) == ["CDOP-5D662126"])
    }
}

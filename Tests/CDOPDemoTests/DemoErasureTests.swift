import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// The privacy issue's proof on the demo panel: a child, their mother and their family erased, none of their values
/// left in any file, the statistics as they were, and the read models still what the events rebuild.
@Suite("Erasing a child, a parent and their family in the demo panel")
struct DemoErasureTests {
    @Test("None of their values is in any file afterwards, the statistics are unchanged and a rebuild compares clean")
    func noneOfTheirValuesIsInAnyFileAfterwards() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let store = demo.engine.sqliteStore!
        // A case whose reporting form was returned with the household's answer.
        let returned = try store.readAll(after: 0, limit: 1_000_000).first {
            $0.type == "case.formReturned.v1" && String(decoding: $0.data, as: UTF8.self).contains("\"household\"")
        }
        let event = try #require(returned)
        let caseID = try #require(CaseID(String(event.streamID.dropFirst("case-".count))))
        let child = try #require(try demo.engine.workflow.caseState(caseID).notification?.child)
        let fullName = child.name.fullName
        let nhs = try #require(child.nhsNumber.number).text
        let mother = try #require(try demo.engine.workflow.caseState(caseID).notification?.parentsAndCarers.first)
        let motherContact = try #require(mother.contact)
        #expect(mother.relationship == "mother")
        let others = try await store.read { db in
            try CaseQueries.list(in: db).filter { $0.childName == fullName && $0.caseID != caseID.description }.count
        }
        let facts = {
            try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM report_facts ORDER BY case_id") }
        }
        let before = try facts()
        let found = { try store.read { db in try CaseQueries.search(CaseSearch(text: nhs), in: db).map(\.caseID) } }
        #expect(try found() == [caseID.description], "found by the NHS number's token")

        let erasure = PersonalDataErasure(engine: demo.engine)
        let actor = Actor(name: "casey.coordinator", role: "coordinator")
        let report = try erasure.erase(
            caseID: caseID, role: "child", reason: "Retention period ended", by: actor, now: DemoDataSetTests.now)
        #expect(report.keyDeleted && report.logTruncated)
        try erasure.erase(
            caseID: caseID, role: "family", reason: "Retention period ended", by: actor, now: DemoDataSetTests.now)
        try erasure.erase(
            caseID: caseID, role: "parent-1", reason: "Retention period ended", by: actor, now: DemoDataSetTests.now)

        let state = try demo.engine.workflow.caseState(caseID)
        #expect(state.notification?.child.name.surname == PersonalFields.erasedText)
        #expect(state.erasedSubjects == ["child", "family", "parent-1"])
        let erasedMother = try #require(state.notification?.parentsAndCarers.first)
        #expect(erasedMother.name == PersonalFields.erasedText && erasedMother.contact == PersonalFields.erasedText)
        #expect(erasedMother.relationship == "mother", "the relationship is not the mother's alone")
        let answers = state.formRequests.compactMap { $0.answers["household"] }
        #expect(!answers.isEmpty && answers.allSatisfy { $0 == .text(PersonalFields.erasedText) })
        #expect(try facts() == before, "every statistic counts the case as before")
        #expect(try found().isEmpty, "an erased child's case is no longer found by their NHS number")
        #expect(try ReadModelRebuild(store: store).run().isClean)

        try await store.database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        for file in try Self.files(demo.folder.url) {
            #expect(file.range(of: Data(nhs.utf8)) == nil, "the NHS number is in a file")
            if others == 0 { #expect(file.range(of: Data(fullName.utf8)) == nil, "the child's name is in a file") }
            #expect(file.range(of: Data("Mother, 27".utf8)) == nil, "the family's answer is in a file")
            #expect(file.range(of: Data(motherContact.utf8)) == nil, "the mother's phone number is in a file")
            #expect(file.range(of: Data(mother.name.utf8)) == nil, "the mother's name is in a file")
        }
    }

    /// The contents of every file under `folder`.
    static func files(_ folder: URL) throws -> [Data] {
        let paths =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? []
        return paths.compactMap { try? Data(contentsOf: $0) }
    }
}

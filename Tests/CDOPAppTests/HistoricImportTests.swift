import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// `cdop import` as a real panel's history needs it: a child counted once, the old reference kept and usable,
/// every problem in one pass, and large files written in batches without giving up all or nothing.
@Suite("Historic import: duplicates, references, one pass, batches")
struct HistoricImportTests {
    static let heading = SyntheticHistoricFile.heading

    /// One row: reference, surname, forenames, NHS number, born, died, notified, expected; reviewed rows add a
    /// review day, category 6 and "not modifiable".
    static func row(
        _ reference: String, _ surname: String, _ forenames: String = "", nhs: String = "", born: String = "2012-01-01",
        died: String = "2015-03-03", notified: String = "2015-03-05", expected: String = "expected",
        reviewed: String? = nil,
        area: String = "NTH", sex: String = "male"
    ) -> String {
        [
            reference, surname, forenames, nhs, born, sex, "", area, died, notified, expected,
            reviewed ?? "", reviewed == nil ? "" : "6", reviewed == nil ? "" : "not modifiable", "", "", "",
        ].joined(separator: ",")
    }

    static func file(_ rows: String...) -> String { ([heading] + rows).joined(separator: "\n") }

    struct Fixture {
        let folder = TemporaryDirectory("cdop-import")
        let clock = TestClock(iso: "2026-06-01T09:00:00Z")
        let engine: Engine
        let actor = Actor(name: "casey.coordinator", role: "coordinator")

        init(storeOptions: EventStoreOptions = EventStoreOptions(), folder existing: TemporaryDirectory? = nil) throws {
            var configuration = AppConfiguration()
            configuration.databasePath = (existing ?? folder).path("cdop.sqlite")
            engine = try Engine(configuration: configuration, clock: clock, storeOptions: storeOptions)
        }

        func importer(batchSize: Int = 250) -> HistoricImport {
            HistoricImport(workflow: engine.workflow, panel: engine.panel, batchSize: batchSize)
        }

        func events() throws -> Int {
            try engine.sqliteStore!.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
        }

        func summaries() throws -> [CaseSummary] {
            try engine.sqliteStore!.read { db in try CaseQueries.list(in: db) }
        }

        func resolve(_ text: String) throws -> Result<CaseID, ResolveFailure> {
            try engine.sqliteStore!.read { db in try CaseQueries.resolve(text, in: db) }
        }
    }

    /// The problems an import was refused for (an issue is recorded when it was not refused for its rows).
    static func problems(_ body: () throws(ImportError) -> Void) -> [ImportProblem] {
        let error = #expect(throws: ImportError.self) { try body() }
        guard case .invalidRows(let problems)? = error else {
            Issue.record("not refused for its rows: \(String(describing: error))")
            return []
        }
        return problems
    }

    // MARK: A child imported twice

    @Test(
        "A child given twice in one file (same NHS number; same name and dates) is refused, naming both rows and references"
    )
    func fileDuplicatesAreRefused() throws {
        let fixture = try Fixture()
        let file = Self.file(
            Self.row("H-1", "Example", "Alex", nhs: "9434765919"),
            Self.row("H-2", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-03"),
            Self.row(
                "H-3", "Exampel", "Lex", nhs: "9434765919", born: "2011-01-01", died: "2016-01-01",
                notified: "2016-01-02"),
            Self.row("H-4", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-04"))
        let problems = Self.problems { () throws(ImportError) in _ = try fixture.importer().run(file, by: fixture.actor)
        }
        #expect(problems.map(\.row) == [4, 5], "\(problems)")
        let nhs = try #require(problems.first)
        #expect(nhs.column == "nhs_number")
        #expect(nhs.message.contains("H-3") && nhs.message.contains("row 2") && nhs.message.contains("H-1"), "\(nhs)")
        #expect(nhs.message.contains("the same NHS number"))
        #expect(!nhs.description.contains("9434765919"), "the number itself is not repeated")
        let names = try #require(problems.last)
        #expect(
            names.message.contains("row 3") && names.message.contains("H-2") && names.message.contains("H-4"),
            "\(names)")
        #expect(names.message.contains("the same name, date of birth and date of death"))
        #expect(try fixture.events() == 0)
    }

    @Test("A reference given twice in one file is refused, naming both rows")
    func repeatedReferenceIsRefused() throws {
        let fixture = try Fixture()
        let file = Self.file(
            Self.row("B11-001", "Example", "Alex"),
            Self.row("b11-001", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-03"))
        let problems = Self.problems { () throws(ImportError) in _ = try fixture.importer().run(file, by: fixture.actor)
        }
        #expect(problems.count == 1)
        #expect(problems.first?.row == 3 && problems.first?.column == "reference")
        #expect(problems.first?.message.contains("row 2") == true, "\(problems)")
        #expect(try fixture.events() == 0)
    }

    @Test(
        "A row matching a case already recorded is imported and flagged for the coordinator exactly as a notification of it is"
    )
    func existingCaseMatchIsFlagged() throws {
        var app = try AppFixture()
        let fixture = try Fixture(folder: app.folder)
        let existing = try fixture.engine.workflow.notify(
            app.notification(forenames: "Alex", surname: "Testchild", nhs: "9434765919"), by: fixture.actor
        ).caseID
        fixture.clock.advance(minutes: 1)
        let noNHS = try fixture.engine.workflow.notify(
            app.notification(forenames: "Robin", surname: "Sample", nhs: nil, area: "EST"), by: fixture.actor
        ).caseID
        let robin = try fixture.engine.workflow.caseState(noNHS).notification!.child
        // The same child notified again, as the coordinator would see it.
        fixture.clock.advance(minutes: 1)
        let notifiedAgain = try fixture.engine.workflow.notify(
            app.notification(forenames: "Alex", surname: "Testchild", nhs: "9434765919"), by: fixture.actor)
        #expect(notifiedAgain.possibleDuplicateOf == existing)

        let file = Self.file(
            Self.row(
                "H-1", "Testchild", "Alex", nhs: "9434765919", born: "2015-01-01", died: "2016-01-01",
                notified: "2016-01-02"),
            Self.row(
                "H-2", "Sample", "Robin", born: robin.dateOfBirth.iso, died: "2026-05-30", notified: "2026-05-31",
                area: "EST"),
            Self.row("H-3", "Fictive", "Jo", born: "2009-09-09", died: "2013-03-03", notified: "2013-03-04"))
        fixture.clock.advance(minutes: 1)
        let summary = try fixture.importer().run(file, by: fixture.actor)
        #expect(summary.cases == 3 && summary.possibleDuplicates == 2)

        let imported = try fixture.resolve("H-1").get()
        let state = try fixture.engine.workflow.caseState(imported)
        #expect(state.possibleDuplicateOf == existing)
        let viaNotification = try fixture.engine.workflow.caseState(notifiedAgain.caseID)
        #expect(state.possibleDuplicateOf == viaNotification.possibleDuplicateOf)
        #expect(try fixture.engine.workflow.caseState(try fixture.resolve("H-2").get()).possibleDuplicateOf == noNHS)
        #expect(try fixture.engine.workflow.caseState(try fixture.resolve("H-3").get()).possibleDuplicateOf == nil)
        // The coordinator's list of possible duplicates holds the imported cases as it holds the notified one.
        let flagged = try fixture.engine.sqliteStore!.read { db in
            try String.fetchSet(
                db,
                sql:
                    "SELECT case_id FROM case_summaries WHERE possible_duplicate_of IS NOT NULL AND duplicate_of IS NULL"
            )
        }
        #expect(
            flagged == [
                notifiedAgain.caseID.description, imported.description, try fixture.resolve("H-2").get().description,
            ])
        // And it is settled the same way.
        try fixture.engine.workflow.confirmDuplicate(imported, of: existing, by: fixture.actor)
        #expect(try fixture.engine.workflow.caseState(imported).duplicateOf == existing)
    }

    // MARK: The historic reference

    @Test(
        "The row's reference is kept on the case, shown in its timeline, and resolves the case wherever a CASE is accepted"
    )
    func referenceIsKeptAndResolves() throws {
        let fixture = try Fixture()
        _ = try fixture.importer().run(
            Self.file(
                Self.row("B11-001", "Example", "Alex", reviewed: "2015-09-10"),
                Self.row("B11-002", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-03")),
            by: fixture.actor)
        let caseID = try fixture.resolve("B11-001").get()
        #expect(try fixture.resolve("b11-001 ").get() == caseID, "matched without case or spaces")
        #expect(try fixture.engine.workflow.caseState(caseID).externalReference == "B11-001")
        #expect(
            try fixture.engine.sqliteStore!.read { db in try CaseQueries.summary(caseID, in: db) }?.externalReference
                == "B11-001")
        let timeline = try CaseTimeline.entries(of: caseID, in: fixture.engine.sqliteStore!)
        #expect(
            timeline.contains { $0.what == "Known as B11-001 in the panel's earlier records" },
            "\(timeline.map(\.what))")
        #expect(try fixture.resolve("B11-003") == .failure(.notFound))
        #expect(try ReadModelRebuild(store: fixture.engine.sqliteStore!).run().isClean)
    }

    @Test("A reference already kept on a case, from an earlier file, is refused for another child")
    func referenceHeldByAnEarlierImportIsRefused() throws {
        let fixture = try Fixture()
        _ = try fixture.importer().run(Self.file(Self.row("B11-001", "Example", "Alex")), by: fixture.actor)
        let before = try fixture.events()
        let problems = Self.problems { () throws(ImportError) in
            _ = try fixture.importer().run(
                Self.file(
                    Self.row("B11-001", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-03")
                ),
                by: fixture.actor)
        }
        #expect(problems.first?.row == 2 && problems.first?.column == "reference", "\(problems)")
        #expect(problems.first?.message.contains("already the reference of case CDOP-") == true)
        #expect(try fixture.events() == before)
    }

    // MARK: One pass

    @Test("Format problems and rule problems of different rows are reported together, in row order, in one pass")
    func everyProblemInOnePass() throws {
        let fixture = try Fixture()
        let file = Self.file(
            Self.row("H-1", "Example", "Alex", died: "2015-13-03"),
            Self.row("H-2", "Sample", "Sam", died: "2015-03-09", notified: "2015-03-05"),
            Self.row("H-3", "Fictive", "Jo", born: "2009-09-09", died: "2013-03-03", notified: "2013-03-04"),
            Self.row("H-4", "Madeup", "Kit", sex: "femal"),
            Self.row(
                "H-5", "Notreal", "Ash", nhs: "9434765918", born: "2011-01-01", died: "2016-01-01",
                notified: "2016-01-02"))
        let problems = Self.problems { () throws(ImportError) in _ = try fixture.importer().run(file, by: fixture.actor)
        }
        #expect(
            problems.map { "\($0.row):\($0.column ?? "-")" } == [
                "2:date_of_death", "3:date_notified", "5:sex", "6:nhs_number",
            ], "\(problems)")
        #expect(problems[1].message.contains("(case H-2)"))
        #expect(try fixture.events() == 0)
    }

    @Test("A long list of problems is cut at 200, saying how many more there are")
    func longProblemListsAreCut() {
        let problems = (2..<252).map { ImportProblem(row: $0, column: "sex", "\"x\" is not one of: male, female.") }
        let text = ImportError.invalidRows(problems).description
        #expect(text.hasPrefix("Nothing was imported: 250 problem(s) found."))
        #expect(text.contains("Row 201, column sex") && !text.contains("Row 202,"))
        #expect(text.hasSuffix("… and 50 more."))
    }

    // MARK: Batches

    /// Seven reviewed children, two sharing a review day (so one meeting spans two batches of two).
    static let seven = Self.file(
        Self.row("H-1", "Example", "Alex", reviewed: "2015-09-10"),
        Self.row(
            "H-2", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-03",
            reviewed: "2015-09-10"),
        Self.row(
            "H-3", "Fictive", "Jo", born: "2009-09-09", died: "2013-03-03", notified: "2013-03-04",
            reviewed: "2015-09-10"),
        Self.row(
            "H-4", "Madeup", "Kit", born: "2011-01-01", died: "2016-01-01", notified: "2016-01-02",
            expected: "unexpected"),
        Self.row(
            "H-5", "Notreal", "Ash", born: "2012-02-02", died: "2017-01-01", notified: "2017-01-02",
            reviewed: "2017-08-10"),
        Self.row("H-6", "Placeholder", "Lee", born: "2013-03-03", died: "2018-01-01", notified: "2018-01-02"),
        Self.row(
            "H-7", "Dummyson", "Max", born: "2014-04-04", died: "2019-01-01", notified: "2019-01-02",
            reviewed: "2019-06-10"))

    @Test("Written in batches, a file whose last row is refused still appends nothing; fixed, it is imported once")
    func batchesKeepAllOrNothing() throws {
        let fixture = try Fixture()
        let bad =
            Self.seven + "\n"
            + Self.row("H-8", "Imaginary", "Ray", born: "2015-05-05", died: "2020-01-09", notified: "2020-01-02")
        let problems = Self.problems { () throws(ImportError) in
            _ = try fixture.importer(batchSize: 2).run(bad, by: fixture.actor)
        }
        #expect(problems.map(\.row) == [9])
        #expect(try fixture.events() == 0)

        let summary = try fixture.importer(batchSize: 2).run(Self.seven, by: fixture.actor)
        let events = try fixture.events()
        #expect(summary.cases == 7 && summary.reviewed == 5 && summary.events == events)
        #expect(try fixture.summaries().count == 7)
        let meetings = try fixture.engine.sqliteStore!.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meetings")
        }
        #expect(meetings == 3, "one meeting a review day, across batches")
        let again = try fixture.importer(batchSize: 2).run(Self.seven, by: fixture.actor)
        #expect(again.alreadyImported && again.events == 0)
        #expect(try fixture.events() == summary.events)
        #expect(try ReadModelRebuild(store: fixture.engine.sqliteStore!).run().isClean)
    }

    /// Fails the `failing`-th append holding a case event (once), as a full disk would.
    final class FailOnce: InlineProjection, @unchecked Sendable {
        let name = "fail-once"
        struct DiskFull: Error {}
        private let lock = NSLock()
        private var seen = 0
        let failing: Int
        init(failing: Int) { self.failing = failing }
        func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
            guard events.contains(where: { $0.streamID.hasPrefix("case-") }) else { return }
            let count = lock.withLock {
                seen += 1
                return seen
            }
            if count == failing { throw DiskFull() }
        }
    }

    @Test("A write stopped half-way leaves whole batches, and importing the same file again writes only the rest")
    func interruptedWriteIsFinishedByImportingAgain() throws {
        let folder = TemporaryDirectory("cdop-import")
        do {
            var options = EventStoreOptions()
            options.inlineProjections.append(FailOnce(failing: 3))
            let failing = try Fixture(storeOptions: options, folder: folder)
            do {
                _ = try failing.importer(batchSize: 2).run(Self.seven, by: failing.actor)
                Issue.record("the third batch should have failed")
            } catch {
                guard case .stoppedWhileWriting(let written, let total, _) = error else {
                    Issue.record("\(error)")
                    return
                }
                #expect(written == 4 && total == 7)
            }
            try failing.engine.sqliteStore!.database.close()
        }
        let fixture = try Fixture(folder: folder)
        let summary = try fixture.importer(batchSize: 2).run(Self.seven, by: fixture.actor)
        #expect(!summary.alreadyImported && summary.cases == 3, "only the rows not yet written")
        let references = try fixture.engine.sqliteStore!.read { db in
            try String.fetchAll(db, sql: "SELECT external_reference FROM case_summaries ORDER BY 1")
        }
        #expect(references == (1...7).map { "H-\($0)" })
        #expect(
            try fixture.engine.sqliteStore!.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meetings") }
                == 3)
        #expect(try ReadModelRebuild(store: fixture.engine.sqliteStore!).run().isClean)
    }

    @Test("A child notified while the import is being written is found for the rows written after it")
    func notificationDuringTheWriteIsFound() throws {
        var app = try AppFixture()
        let fixture = try Fixture(folder: app.folder)
        let file = Self.file(
            Self.row("H-1", "Example", "Alex", reviewed: "2015-09-10"),
            Self.row("H-2", "Sample", "Sam", born: "2010-05-05", died: "2014-02-02", notified: "2014-02-03"),
            Self.row("H-3", "Fictive", "Jo", born: "2009-09-09", died: "2013-03-03", notified: "2013-03-04"),
            Self.row(
                "H-4", "Testchild", "Robin", nhs: "9434765919", born: "2011-01-01", died: "2016-01-01",
                notified: "2016-01-02"))
        var notified: CaseID?
        let summary = try fixture.importer(batchSize: 2).run(file, by: fixture.actor) { phase, done, _ in
            // After the first batch: the same child as row 5 (H-4) is notified, by its NHS number.
            guard phase == .writing, done == 2, notified == nil else { return }
            notified = try? fixture.engine.workflow.notify(
                app.notification(forenames: "Robin", surname: "Testchild", nhs: "9434765919"), by: fixture.actor
            ).caseID
        }
        #expect(notified != nil && summary.cases == 4 && summary.possibleDuplicates == 1)
        #expect(try fixture.engine.workflow.caseState(try fixture.resolve("H-4").get()).possibleDuplicateOf == notified)
    }

    @Test("A generated file of 300 rows imports cleanly in batches, and again as a no-op")
    func generatedFileImports() throws {
        let fixture = try Fixture()
        let text = SyntheticHistoricFile.csv(rows: 300)
        let summary = try fixture.importer(batchSize: 64).run(text, by: fixture.actor)
        #expect(summary.cases == 300 && summary.possibleDuplicates == 0)
        #expect(try fixture.importer(batchSize: 64).run(text, by: fixture.actor).alreadyImported)
    }
}

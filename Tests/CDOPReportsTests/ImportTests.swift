import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// `cdop import`: historic cases from a spreadsheet, checked row by row, all or nothing.
@Suite("Historic import")
struct ImportTests {
    static let good = [
        ImportFixture.heading,
        "H-2008-01,Example,Alex,,2008-01-02,male,White British,NTH,2008-06-01,2008-06-02,expected,2009-02-10,8,not modifiable,,not preventable,neonatal care",
        "H-2009-07,Sample,,9434765919,2003-05-05,female,Asian Pakistani,EST,2009-11-20,2009-11-21,unexpected,2010-05-04,3,modifiable,\"service: Delay in referral; physical: Unfenced pond\",potentially preventable,water safety; referral",
        "H-2012-03,Fictive,Sam,,2012-01-01,not known,,STH,2012-03-03,2012-03-05,expected,2012-09-09,6,insufficient information,,,",
        "H-2024-11,Madeup,Jo,,2020-02-02,female,not stated,WST,2024-11-01,2024-11-01,unexpected,,,,,,",
    ].joined(separator: "\r\n")

    @Test("A good file becomes cases through the engine, and the reports count them, legacy preventability included")
    func goodFile() throws {
        let fixture = try ImportFixture()
        let summary = try fixture.importer.run(Self.good, by: fixture.actor)
        #expect(summary.cases == 4 && summary.reviewed == 3 && !summary.alreadyImported)
        #expect(try fixture.events() == summary.events)
        let stages = try fixture.engine.sqliteStore!.read { db in
            try String.fetchAll(db, sql: "SELECT stage FROM case_summaries ORDER BY stage")
        }
        #expect(stages == ["informationGathering", "panelReviewed", "panelReviewed", "panelReviewed"])
        let all = try ReportPeriod(
            from: CalendarDate(year: 2008, month: 1, day: 1)!, to: CalendarDate(year: 2026, month: 3, day: 31)!)
        let report = try AnnualReportQuery(panel: fixture.engine.panel, period: all)
            .run(on: fixture.engine.sqliteStore!, asAt: CalendarDate(year: 2026, month: 6, day: 1)!)
        #expect(report.figure("Deaths notified") == 4)
        #expect(report.figure("Reviews completed") == 3)
        let legacy = report.table("legacy-preventability")!
        #expect(
            legacy.value("Not preventable") == 1 && legacy.value("Potentially preventable") == 1
                && legacy.grandTotal == 2)
        #expect(report.table("learning-themes")!.value("water safety") == 1)
        #expect(
            report.table("ethnicity")!.value("Not known") == 1 && report.table("ethnicity")!.value("Not stated") == 1)
        #expect(report.mismatches.isEmpty)
        #expect(try ReadModelRebuild(store: fixture.engine.sqliteStore!).run().isClean)
    }

    /// The problems an import reported; none (and a recorded issue) when it was not refused for its rows.
    static func problems(_ body: () throws(ImportError) -> Void) -> [ImportProblem] {
        do {
            try body()
        } catch {
            if case .invalidRows(let problems) = error { return problems }
            Issue.record("refused for another reason: \(error)")
            return []
        }
        Issue.record("the import should have been refused")
        return []
    }

    @Test("Importing the same file again appends nothing")
    func sameFileTwice() throws {
        let fixture = try ImportFixture()
        _ = try fixture.importer.run(Self.good, by: fixture.actor)
        let before = try fixture.events()
        let again = try fixture.importer.run(Self.good, by: fixture.actor)
        #expect(again.alreadyImported)
        #expect(try fixture.events() == before)
    }

    @Test("Bad rows are reported by row and column, every one of them, and nothing is appended")
    func badRows() throws {
        let fixture = try ImportFixture()
        let bad = [
            ImportFixture.heading,
            "H-1,Example,Alex,,2008-01-02,male,,NTH,2008-06-01,2008-06-02,expected,,,,,,",
            "H-2,Sample,,,2003-05-05,femal,,EST,2009-13-20,2009-11-21,unexpected,,,,,,",
            "H-3,Fictive,,,2012-01-01,male,,ZZZ,2012-03-03,2012-03-05,expected,2012-09-09,11,modifiable,,,",
            "H-4,Madeup,,,2015-01-01,male,,NTH,2016-03-03,2016-03-05,expected,2016-09-09,5,not modifiable,,preventable,",
        ].joined(separator: "\n")
        let problems = Self.problems { () throws(ImportError) in _ = try fixture.importer.run(bad, by: fixture.actor) }
        do {
            let places = problems.map { "\($0.row):\($0.column ?? "-")" }
            #expect(places.contains("3:sex"))
            #expect(places.contains("3:date_of_death"))
            #expect(places.contains("4:area_code"))
            #expect(places.contains("4:category"))
            #expect(places.contains("4:modifiable_factors"))
            #expect(places.contains("5:preventability"))
            #expect(!places.contains { $0.hasPrefix("2:") }, "row 2 is good")
            #expect(
                problems.first { $0.column == "sex" }?.description.hasPrefix(
                    "Row 3, column sex: \"femal\" is not one of") == true)
        }
        #expect(try fixture.events() == 0)
    }

    @Test("A row the engine refuses (a death after its notification) appends nothing from any row")
    func engineRefusalRollsBackEverything() throws {
        let fixture = try ImportFixture()
        let file = [
            ImportFixture.heading,
            "H-1,Example,Alex,,2008-01-02,male,,NTH,2008-06-01,2008-06-02,expected,,,,,,",
            "H-2,Sample,,,2003-05-05,female,,EST,2009-11-20,2009-11-01,expected,,,,,,",
        ].joined(separator: "\n")
        let problems = Self.problems { () throws(ImportError) in _ = try fixture.importer.run(file, by: fixture.actor) }
        do {
            #expect(problems.count == 1)
            guard let problem = problems.first else { return }
            #expect(problem.row == 3 && problems[0].column == "date_notified")
            #expect(problems[0].message.contains("H-2"))
        }
        #expect(try fixture.events() == 0)
    }

    @Test("A file without a required column or with an unknown one is refused before any row is read")
    func headingProblems() throws {
        let fixture = try ImportFixture()
        #expect(throws: ImportError.missingColumns(["surname"])) {
            try fixture.importer.run(
                "reference,date_of_birth,sex,area_code,date_of_death,date_notified,expected\n", by: fixture.actor)
        }
        #expect(throws: ImportError.unknownColumns(["colour"])) {
            try fixture.importer.run(ImportFixture.heading + ",colour\n", by: fixture.actor)
        }
    }

    @Test("Quoted fields may hold commas, quotes and line breaks")
    func csvQuoting() throws {
        let table = try CSVTable(parsing: "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,1")
        #expect(table.rows.map(\.fields) == [["a", "b"], ["x, \"y\"", "two\nlines"], ["last", "1"]])
        #expect(table.rows.map(\.line) == [1, 2, 5])
    }
}

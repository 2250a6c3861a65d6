import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// A panel's history brought in through `cdop import`: a year reviewed on the older preventability scale and a
/// modern year, each reported with every three-way cell counted again from the file the test wrote.
@Suite("Imported years in the report")
struct ImportedYearsReportTests {
    struct Row {
        var sex: Sex
        var category: DeathCategory
        var reviewed: CalendarDate
        var outcome: ModifiableFactorsOutcome?
        var preventability: LegacyPreventability?
    }

    static let outcomeWords: [ModifiableFactorsOutcome: String] = [
        .modifiableFactorsIdentified: "modifiable", .noModifiableFactorsIdentified: "not modifiable",
        .insufficientInformation: "insufficient information",
    ]

    /// `count` reviewed deaths in the reporting year starting 1 April `year`, as CSV lines and as the test's ledger.
    static func rows(year: Int, count: Int, legacy: Bool, random: inout SeededRandom) -> ([String], [Row]) {
        var lines: [String] = []
        var rows: [Row] = []
        for index in 0..<count {
            let died = CalendarDate(year: year, month: 4, day: 1)!.adding(days: Int.random(in: 0...200, using: &random))
            let reviewed = died.adding(days: Int.random(in: 20...150, using: &random))
            let sex = random.pick([Sex.male, .female, .female, .male, .indeterminate])
            let category = random.pick(DeathCategory.allCases)
            let preventability = legacy ? random.pick(LegacyPreventability.allCases) : nil
            let outcome =
                legacy
                ? nil : random.pick([ModifiableFactorsOutcome.noModifiableFactorsIdentified, .insufficientInformation])
            rows.append(
                Row(sex: sex, category: category, reviewed: reviewed, outcome: outcome, preventability: preventability))
            let born = died.adding(days: -Int.random(in: 10...5000, using: &random))
            let prevention = preventability.map { $0.label } ?? ""
            let judged = outcome.map { outcomeWords[$0]! } ?? ""
            lines.append(
                "Y\(year)-\(index),Surname\(year)x\(index),Kim,,\(born.iso),\(sex.rawValue),,NTH,\(died.iso),\(died.iso),expected,"
                    + "\(reviewed.iso),\(category.rawValue),\(judged),,\(prevention),")
        }
        return (lines, rows)
    }

    @Test("Three-way tables of an imported year on the older scale and of a modern year match the file cell by cell")
    func importedYears() throws {
        let fixture = try ImportFixture()
        var random = SeededRandom(seed: 1112)
        let (oldLines, oldRows) = Self.rows(year: 2011, count: 70, legacy: true, random: &random)
        let (newLines, newRows) = Self.rows(year: 2020, count: 70, legacy: false, random: &random)
        let file = ([ImportFixture.heading] + oldLines + newLines).joined(separator: "\r\n")
        let summary = try fixture.importer.run(file, by: fixture.actor)
        #expect(summary.cases == 140 && summary.reviewed == 140)
        for (year, rows) in [(2011, oldRows), (2020, newRows)] {
            let period = try ReportPeriod.reportingYear(year)
            let report = try AnnualReportQuery(panel: fixture.engine.panel, period: period)
                .run(on: fixture.engine.sqliteStore!, asAt: CalendarDate(year: 2026, month: 6, day: 1)!)
            let reviewed = rows.filter { period.contains($0.reviewed) }
            #expect(reviewed.count > 20)
            #expect(report.mismatches.isEmpty)
            let byOutcome = try #require(report.table("category-by-outcome-by-sex"))
            let byScale = try #require(report.table("category-by-preventability-by-sex"))
            for (row, category) in DeathCategory.allCases.enumerated() {
                for sex in Sex.allCases {
                    let column = sex.label.capitalisedFirst
                    for outcome in ModifiableFactorsOutcome.allCases {
                        #expect(
                            byOutcome.value(byOutcome.rows[row], group: outcome.label.capitalisedFirst, column: column)
                                == reviewed.filter { $0.category == category && $0.outcome == outcome && $0.sex == sex }
                                .count)
                    }
                    for scale in LegacyPreventability.allCases {
                        #expect(
                            byScale.value(byScale.rows[row], group: scale.label.capitalisedFirst, column: column)
                                == reviewed.filter {
                                    $0.category == category && $0.preventability == scale && $0.sex == sex
                                }.count)
                    }
                }
            }
            #expect(byScale.grandTotal == reviewed.filter { $0.preventability != nil }.count)
            #expect(byOutcome.grandTotal == reviewed.filter { $0.outcome != nil }.count)
        }
    }

    @Test("The older scale is refused for a review on or after the panel's cut-over, naming the row and column")
    func legacyAfterTheCutOverIsRefused() throws {
        let fixture = try ImportFixture()
        let file = [
            ImportFixture.heading,
            "L-1,Late,Kim,,2012-01-01,male,,NTH,2013-02-01,2013-02-02,expected,2013-05-01,6,,,not preventable,",
        ].joined(separator: "\r\n")
        do {
            _ = try fixture.importer.run(file, by: fixture.actor)
            Issue.record("a review after the cut-over on the older scale was accepted")
        } catch {
            #expect("\(error)".contains("preventability") && "\(error)".contains("1 April 2013"), "\(error)")
        }
        #expect(try fixture.events() == 0)
    }
}

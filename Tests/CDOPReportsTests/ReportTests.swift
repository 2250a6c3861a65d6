import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// The annual report over years of cases built through the engine, checked against the test's own ledger.
@Suite("Annual report tables")
struct ReportTests {
    /// Three and a half years of deaths, built once per test (each test has its own database).
    static func years() throws -> SyntheticYears {
        var years = try SyntheticYears()
        try years.build(
            count: 170, from: CalendarDate(year: 2023, month: 4, day: 1)!,
            to: CalendarDate(year: 2026, month: 10, day: 31)!,
            seed: 2025)
        return years
    }

    static func count<T>(_ items: [T], _ test: (T) -> Bool) -> Int { items.reduce(0) { $0 + (test($1) ? 1 : 0) } }

    @Test("Every table of two reporting years equals the counts kept by the test while building the cases")
    func tablesMatchTheLedger() throws {
        let years = try Self.years()
        for year in [2024, 2025] {
            let period = try ReportPeriod.reportingYear(year)
            let report = try AnnualReportQuery(panel: years.engine.panel, period: period).run(
                on: years.engine.sqliteStore!, asAt: SyntheticYears.asAt)
            let panel = years.ledger.filter(\.countsForPanel)
            let notified = panel.filter { period.contains($0.notified) }
            let reviewed = panel.filter { $0.reviewed.map(period.contains) == true }
            // As at the end of the period: a case reviewed afterwards was still outstanding then.
            let outstanding = panel.filter { $0.isOutstanding(asAt: period.to) }
            #expect(outstanding.contains { $0.reviewed != nil }, "some cases outstanding then were reviewed since")
            #expect(notified.count > 20 && reviewed.count > 10, "the synthetic year is big enough to test")
            #expect(report.mismatches.isEmpty)
            #expect(report.figure("Deaths notified") == notified.count)
            #expect(report.figure("Reviews completed") == reviewed.count)
            #expect(report.figure("Cases outstanding") == outstanding.count)
            #expect(report.figure("Rapid responses") == Self.count(notified, \.rapidResponse))

            let stages = report.table("outstanding-by-stage")!
            #expect(
                stages.cells.map { $0[0] }
                    == OutstandingStage.allCases.map { stage in
                        Self.count(outstanding) { $0.stage(asAt: period.to) == stage }
                    })

            let byOutcome = report.table("category-by-outcome")!
            let bySex = report.table("category-by-sex")!
            for (row, category) in DeathCategory.allCases.enumerated() {
                for (column, outcome) in ModifiableFactorsOutcome.allCases.enumerated() {
                    #expect(
                        byOutcome.cells[row][column]
                            == Self.count(reviewed) { $0.category == category && $0.outcome == outcome })
                }
                for (column, sex) in Sex.allCases.enumerated() {
                    #expect(
                        bySex.cells[row][column] == Self.count(reviewed) { $0.category == category && $0.sex == sex })
                }
            }
            #expect(byOutcome.grandTotal == reviewed.count && bySex.grandTotal == reviewed.count)
            try Self.expectThreeWayCells(report, reviewed)

            #expect(
                report.table("age-band")!.cells.map { $0[0] }
                    == AgeBand.allCases.map { band in Self.count(notified) { $0.band == band } })
            #expect(
                report.table("sex")!.cells.map { $0[0] }
                    == Sex.allCases.map { sex in Self.count(notified) { $0.sex == sex } })
            let ethnicity = report.table("ethnicity")!
            #expect(ethnicity.value("Not stated") == Self.count(notified) { $0.ethnicity == .notStated })
            #expect(ethnicity.value("Not known") == Self.count(notified) { $0.ethnicity == .notKnown })
            #expect(ethnicity.value("White") == Self.count(notified) { $0.ethnicity.rawValue.hasPrefix("white") })
            #expect(ethnicity.grandTotal == notified.count)
            let area = report.table("area")!
            for configured in years.engine.panel.areas {
                #expect(area.value(configured.name) == Self.count(notified) { $0.area == configured.code })
            }
            #expect(
                report.table("expectation")!.value("Unexpected")
                    == Self.count(notified) { $0.expectation == .unexpected })
            #expect(
                report.table("expectation")!.value("Expected") == Self.count(notified) { $0.expectation == .expected })

            let rapid = report.table("rapid-response")!
            let responses = notified.filter(\.rapidResponse)
            #expect(rapid.value("Same or next day") == Self.count(responses) { ($0.rapidResponseDays ?? 99) <= 1 })
            #expect(
                rapid.value("2 to 3 days") == Self.count(responses) { [2, 3].contains($0.rapidResponseDays ?? 99) })
            #expect(
                rapid.value("4 to 5 days") == Self.count(responses) { [4, 5].contains($0.rapidResponseDays ?? 99) })
            #expect(rapid.value("6 days or more") == Self.count(responses) { ($0.rapidResponseDays ?? 0) >= 6 })
            #expect(rapid.value("No meeting recorded") == Self.count(responses) { $0.rapidResponseDays == nil })

            let days = reviewed.map { $0.died.days(until: $0.reviewed!) - $0.pausedDays }.sorted()
            #expect(report.duration.reviews == days.count)
            #expect(report.duration.median == Self.interpolated(days, 0.5))
            #expect(report.duration.lowerQuartile == Self.interpolated(days, 0.25))
            #expect(report.duration.upperQuartile == Self.interpolated(days, 0.75))
            #expect(report.duration.withinSixMonths == Double(Self.count(days) { $0 <= 182 }) / Double(days.count))
            #expect(report.duration.withinTwelveMonths == Double(Self.count(days) { $0 <= 365 }) / Double(days.count))
            let duration = report.table("review-duration")!
            #expect(
                duration.cells.map { $0[0] } == [
                    Self.count(days) { $0 <= 182 }, Self.count(days) { $0 > 182 && $0 <= 365 },
                    Self.count(days) { $0 > 365 },
                ])

            let themes = report.table("learning-themes")!
            for theme in SyntheticYears.themes {
                let expected = Self.count(reviewed) { $0.themes.contains(theme) }
                #expect(themes.value(theme) == (expected == 0 ? nil : expected))
            }
            let actions = report.table("actions")!
            let completedByEnd = reviewed.reduce(0) { $0 + $1.actionsCompletedOn.filter { $0 <= period.to }.count }
            let agreed = reviewed.reduce(0) { $0 + $1.actionsOpen + $1.actionsClosed }
            #expect(actions.value("Open") == agreed - completedByEnd, "open at the end of the period")
            #expect(actions.value("Completed") == completedByEnd)

            // Trends: this year and the four before it, from the same ledger.
            let years = (0...4).reversed().map { period.shifted(years: -$0) }
            let counts = report.table("trend-notified-reviewed")!
            #expect(counts.columns == years.map(\.slug))
            #expect(counts.cells[0] == years.map { y in Self.count(panel) { y.contains($0.notified) } })
            #expect(counts.cells[1] == years.map { y in Self.count(panel) { $0.reviewed.map(y.contains) == true } })
            let byCategory = report.table("trend-category")!
            for (row, category) in DeathCategory.allCases.enumerated() {
                #expect(
                    byCategory.cells[row]
                        == years.map { y in
                            Self.count(panel) { $0.category == category && $0.reviewed.map(y.contains) == true }
                        })
            }
            let byOutcomeTrend = report.table("trend-outcome")!
            for (row, outcome) in ModifiableFactorsOutcome.allCases.enumerated() {
                #expect(
                    byOutcomeTrend.cells[row]
                        == years.map { y in
                            Self.count(panel) { $0.outcome == outcome && $0.reviewed.map(y.contains) == true }
                        })
            }
        }
    }

    /// Every cell of the three-way tables (category by outcome by sex, and by the older preventability scale
    /// by sex) against the ledger's reviews.
    static func expectThreeWayCells(_ report: AnnualReport, _ reviewed: [SyntheticYears.Planned]) throws {
        let byOutcome = try #require(report.table("category-by-outcome-by-sex"))
        let byScale = try #require(report.table("category-by-preventability-by-sex"))
        for (row, category) in DeathCategory.allCases.enumerated() {
            for sex in Sex.allCases {
                for outcome in ModifiableFactorsOutcome.allCases {
                    #expect(
                        byOutcome.value(
                            byOutcome.rows[row], group: outcome.label.capitalisedFirst,
                            column: sex.label.capitalisedFirst)
                            == Self.count(reviewed) {
                                $0.category == category && $0.outcome == outcome && $0.sex == sex
                            })
                }
                for scale in LegacyPreventability.allCases {
                    #expect(
                        byScale.value(
                            byScale.rows[row], group: scale.label.capitalisedFirst, column: sex.label.capitalisedFirst)
                            == Self.count(reviewed) { $0.category == category && $0.legacy == scale && $0.sex == sex })
                }
            }
        }
        #expect(byOutcome.grandTotal == Self.count(reviewed) { $0.outcome != nil })
        #expect(byScale.grandTotal == Self.count(reviewed) { $0.legacy != nil })
        #expect(report.mismatches.isEmpty)
    }

    @Test(
        "A year on the older preventability scale reports each review on the scale it was recorded on, never converted")
    func legacyYearThreeWayTables() throws {
        var years = try SyntheticYears()
        try years.build(
            count: 150, from: CalendarDate(year: 2010, month: 4, day: 1)!,
            to: CalendarDate(year: 2014, month: 3, day: 31)!,
            seed: 2011)
        for year in [2011, 2012, 2013] {
            let period = try ReportPeriod.reportingYear(year)
            let report = try AnnualReportQuery(panel: years.engine.panel, period: period).run(
                on: years.engine.sqliteStore!, asAt: SyntheticYears.asAt)
            let reviewed = years.ledger.filter { $0.countsForPanel && $0.reviewed.map(period.contains) == true }
            #expect(reviewed.count > 10)
            if year < 2013 {
                #expect(
                    reviewed.contains { $0.legacy != nil && $0.outcome == nil },
                    "legacy reviews carry no invented outcome")
            } else {
                #expect(!reviewed.contains { $0.legacy != nil }, "no review after the cut-over is on the older scale")
            }
            try Self.expectThreeWayCells(report, reviewed)
            #expect(report.table("legacy-preventability")!.grandTotal == Self.count(reviewed) { $0.legacy != nil })
        }
    }

    /// The test's own quantile: the value at position (n - 1) p, between its two neighbours.
    static func interpolated(_ sorted: [Int], _ p: Double) -> Double {
        let exact = Double(sorted.count - 1) * p
        let below = Int(exact)
        let above = Swift.min(below + 1, sorted.count - 1)
        return Double(sorted[below]) + (exact - Double(below)) * Double(sorted[above] - sorted[below])
    }

    @Test("The report's read model is rebuilt from the events exactly like the live one")
    func reportFactsRebuildCleanly() throws {
        var years = try SyntheticYears()
        try years.build(
            count: 40, from: CalendarDate(year: 2025, month: 1, day: 1)!,
            to: CalendarDate(year: 2026, month: 6, day: 30)!,
            seed: 11)
        let report = try ReadModelRebuild(store: years.engine.sqliteStore!).run()
        #expect(report.isClean, "\(report.differences)")
        #expect(ReadModelRebuild.tables.contains { $0.name == "report_facts" })
    }

    @Test("Deaths out of scope count in no table of the panel")
    func outOfScopeDeathsAreLeftOut() throws {
        let years = try Self.years()
        let period = try ReportPeriod(
            from: CalendarDate(year: 2023, month: 4, day: 1)!, to: CalendarDate(year: 2026, month: 10, day: 31)!)
        let report = try AnnualReportQuery(panel: years.engine.panel, period: period).run(
            on: years.engine.sqliteStore!, asAt: SyntheticYears.asAt)
        let outside = Self.count(years.ledger) { !$0.countsForPanel }
        #expect(outside > 0)
        #expect(report.figure("Deaths notified") == years.ledger.count - outside)
        #expect(report.table("area")!.value("Outside the panel's areas") == 0)
    }
}

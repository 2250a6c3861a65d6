import CDOPDomain
import CDOPReports
import Testing

@Suite("Totals checks")
struct TotalCheckTests {
    static let table = ReportTable(
        id: "t", title: "Deaths by age", note: "", rowHeading: "Age", rows: ["a", "b"], columns: ["x", "y"],
        cells: [[1, 2], [3, 4]])

    @Test("A table whose total is not the number of cases it claims to count is reported, with both numbers")
    func wrongBaseIsReported() {
        let checks = TotalChecks.check(Self.table, against: 11, base: "deaths notified")
        let failed = checks.filter { !$0.agrees }
        #expect(failed.count == 1)
        #expect(failed[0].sentence.contains("is 10 but should be 11"))
    }

    @Test("A row or column total that is not the sum of its cells is reported")
    func inconsistentTotalsAreReported() {
        var broken = Self.table
        broken.rowTotals?[0] = 4
        broken.columnTotals?[1] = 7
        let failed = TotalChecks.check(broken, against: 10, base: "deaths").filter { !$0.agrees }.map(\.what)
        #expect(failed.contains("the sum of row \"a\""))
        #expect(failed.contains("the sum of column \"y\""))
    }

    @Test("Mismatches are shown at the top of the HTML report, never hidden")
    func mismatchesAreShown() throws {
        let check = TotalCheck(table: "Deaths by age", what: "the total", expected: 11, found: 10)
        let report = AnnualReport(
            panelName: "Test CDOP", period: try ReportPeriod.reportingYear(2025),
            asAt: CalendarDate(year: 2026, month: 5, day: 1)!,
            headline: [], tables: [Self.table], duration: ReviewDuration(days: []), checks: [check], suppression: nil)
        let html = ReportHTML.document(report)
        #expect(html.contains("Totals that do not agree"))
        #expect(html.contains("Deaths by age: the total is 10 but should be 11"))
    }
}

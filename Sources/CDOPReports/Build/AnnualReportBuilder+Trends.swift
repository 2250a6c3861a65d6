import CDOPDomain

/// The report's trends: the period beside the four before it, for deaths notified, reviews completed, and the
/// reviews' categories and outcomes, each a table with a line chart.
extension AnnualReportBuilder {
    func trendTables(_ facts: [CaseFact], period: ReportPeriod) -> [Checked] {
        let periods = period.withPrevious(Self.trendYears)
        let years = periods.map(\.slug)
        let notified = periods.map { p in facts.filter { p.contains($0.notifiedOn) } }
        let reviewed = periods.map { p in facts.filter { $0.reviewedOn.map(p.contains) == true } }
        let judged = reviewed.map { $0.filter { $0.outcome != nil } }
        let span = "\(years.first ?? "") to \(years.last ?? "")"
        let counts = trend(
            "trend-notified-reviewed", "Deaths notified and reviews completed, year by year",
            "Deaths notified and reviews completed in the period and in each of the \(Self.trendYears) years before it.",
            "Measure", years, rows: [("Deaths notified", notified), ("Reviews completed", reviewed)], additive: false)
        let categories = trend(
            "trend-category", "Reviews by category of death, year by year",
            "Reviews completed in the period and in each of the \(Self.trendYears) years before it, by the primary category of death.",
            "Category of death", years,
            rows: DeathCategory.allCases.map { category in
                (
                    "\(category.rawValue). \(category.label.capitalisedFirst)",
                    reviewed.map { $0.filter { $0.category == category } }
                )
            })
        let outcomes = trend(
            "trend-outcome", "Reviews by outcome, year by year",
            "Reviews completed in the period and in each of the \(Self.trendYears) years before it and recorded with the modifiable-factors outcome, by the outcome.",
            "Outcome", years,
            rows: ModifiableFactorsOutcome.allCases.map { outcome in
                (outcome.label.capitalisedFirst, judged.map { $0.filter { $0.outcome == outcome } })
            })
        let allReviews = reviewed.reduce(0) { $0 + $1.count }
        let allJudged = judged.reduce(0) { $0 + $1.count }
        return [
            (counts, 0, ""),
            (categories, allReviews, "reviews completed \(span) (\(allReviews))"),
            (outcomes, allJudged, "reviews recorded with the modifiable-factors outcome \(span) (\(allJudged))"),
        ]
    }

    /// A trend table: a row per series, a column per reporting year, each cell the facts counted.
    func trend(
        _ id: String, _ title: String, _ note: String, _ heading: String, _ years: [String],
        rows: [(String, [[CaseFact]])], additive: Bool = true
    ) -> ReportTable {
        var table = ReportTable(
            id: id, title: title, note: note, rowHeading: heading, rows: rows.map(\.0), columns: years,
            cells: rows.map { $0.1.map(\.count) }, additive: additive)
        table.trend = true
        return table
    }
}

import CDOPDomain

/// Works out the annual report from the cases' facts: pure, with the day the facts were read passed in.
package struct AnnualReportBuilder: Sendable {
    package var panelName: String
    package var areas: [LocalAuthorityArea]
    /// The panel's list of learning themes, which names each theme counted.
    package var themes: LearningThemes

    package init(panelName: String, areas: [LocalAuthorityArea], themes: LearningThemes = LearningThemes()) {
        self.panelName = panelName
        self.areas = areas
        self.themes = themes
    }

    /// The unsuppressed report over `facts` for `period`, as at `asAt`.
    package func report(_ facts: [CaseFact], period: ReportPeriod, asAt: CalendarDate) -> AnnualReport {
        let panel = facts.filter(\.countsForPanel)
        let cohorts = Cohorts(
            notified: panel.filter { period.contains($0.notifiedOn) },
            reviewed: panel.filter { $0.reviewedOn.map(period.contains) == true },
            outstanding: panel.filter { $0.isOutstanding(asAt: period.to) }, end: period.to)
        var tables: [ReportTable] = []
        var checks: [TotalCheck] = []
        for (table, expected, base) in tableSet(cohorts) + trendTables(panel, period: period) {
            tables.append(table)
            checks += TotalChecks.check(table, against: expected, base: base)
        }
        let headline: [AnnualReport.Figure] = [
            .init(label: "Deaths notified", value: cohorts.notified.count),
            .init(label: "Reviews completed", value: cohorts.reviewed.count),
            .init(label: "Cases outstanding", value: cohorts.outstanding.count),
            .init(label: "Rapid responses", value: cohorts.notified.filter(\.rapidResponse).count),
            .init(
                label: "Reviews with modifiable factors",
                value: cohorts.reviewed.filter { $0.outcome == .modifiableFactorsIdentified }.count),
            .init(
                label: "Actions agreed", value: cohorts.reviewed.reduce(0) { $0 + $1.actionsOpen + $1.actionsClosed }),
        ]
        return AnnualReport(
            panelName: panelName, period: period, asAt: asAt, headline: headline, tables: tables,
            duration: ReviewDuration(days: cohorts.reviewed.compactMap(\.reviewDays)), checks: checks, suppression: nil)
    }

    /// How many reporting years before the report's own its trends compare.
    package static let trendYears = 4

    /// The cases each table counts: deaths notified in the period, reviews completed in it, and cases
    /// notified by its end and not reviewed by then. Every "as at" figure is taken at the period's `end`.
    struct Cohorts {
        var notified: [CaseFact]
        var reviewed: [CaseFact]
        var outstanding: [CaseFact]
        var end: CalendarDate
    }
}

import CDOPDomain
import CDOPStore

/// The annual report read from a store: facts from the read model, then the pure builder, then suppression.
package struct AnnualReportQuery: Sendable {
    package var builder: AnnualReportBuilder
    package var period: ReportPeriod
    /// Hides small numbers when given (the published version).
    package var suppression: SuppressionPolicy?

    package init(
        panel: PanelConfiguration, period: ReportPeriod, suppression: SuppressionPolicy? = nil,
        themes: LearningThemes = LearningThemes()
    ) {
        builder = AnnualReportBuilder(panelName: panel.name, areas: panel.areas, themes: themes)
        self.period = period
        self.suppression = suppression
    }

    /// The report as the store holds it on `asAt`.
    package func run(on store: any EventDatabase, asAt: CalendarDate) throws(ReportError) -> AnnualReport {
        // The facts of the trend's earlier years too: their deaths notified and reviews completed.
        let span = try ReportPeriod(
            from: period.withPrevious(AnnualReportBuilder.trendYears).first!.from, to: period.to)
        let facts: [CaseFact]
        do {
            facts = try store.snapshot { db in try ReportFacts.load(for: span, in: db) }
        } catch {
            throw .unreadable("\(error)")
        }
        let report = builder.report(facts, period: period, asAt: asAt)
        return suppression.map { Suppression.apply($0, to: report) } ?? report
    }
}

import CDOPDomain

/// The panel's annual analysis for a period: headline figures, tables, review times and the checks made on
/// every total. A published version has small numbers hidden (see `Suppression`).
package struct AnnualReport: Hashable, Sendable, Codable {
    package struct Figure: Hashable, Sendable, Codable {
        package var label: String
        package var value: Int?

        package init(label: String, value: Int?) {
            self.label = label
            self.value = value
        }
    }

    package var panelName: String
    package var period: ReportPeriod
    /// The day the facts were read.
    package var asAt: CalendarDate
    package var headline: [Figure]
    package var tables: [ReportTable]
    package var duration: ReviewDuration
    /// Every comparison of totals made, whether it agreed or not.
    package var checks: [TotalCheck]
    /// The suppression applied; nil for the unsuppressed (internal) version.
    package var suppression: SuppressionPolicy?

    package init(
        panelName: String, period: ReportPeriod, asAt: CalendarDate, headline: [Figure], tables: [ReportTable],
        duration: ReviewDuration, checks: [TotalCheck], suppression: SuppressionPolicy?
    ) {
        self.panelName = panelName
        self.period = period
        self.asAt = asAt
        self.headline = headline
        self.tables = tables
        self.duration = duration
        self.checks = checks
        self.suppression = suppression
    }

    /// The checks that failed: shown at the top of every output, never hidden.
    package var mismatches: [TotalCheck] { checks.filter { !$0.agrees } }

    /// The table with this id.
    package func table(_ id: String) -> ReportTable? { tables.first { $0.id == id } }

    /// The headline figure with this label.
    package func figure(_ label: String) -> Int? { headline.first { $0.label == label }?.value }
}

import CDOPDomain

/// The report as HTML: `body` is a fragment for the panel's page (classes only, no inline styles, served
/// under the site's CSP), `document` a self-contained file with its own stylesheet, printable on A4.
package enum ReportHTML {
    /// A complete, self-contained HTML file.
    package static func document(_ report: AnnualReport) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title(report)))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        \(body(report))
        </main>
        </body>
        </html>

        """
    }

    /// "Northshire CDOP: annual report, 1 April 2025 to 31 March 2026".
    package static func title(_ report: AnnualReport) -> String {
        "\(report.panelName): annual report, \(report.period.label)"
    }

    /// The report's content, for the file or a page.
    package static func body(_ report: AnnualReport) -> String {
        let mark = report.suppression?.mark ?? ""
        var html = "<div class=\"report\">\n<h1>\(HTMLText.escape(title(report)))</h1>\n"
        html += "<p class=\"report-meta\">Facts as at \(DayFormatter.long(report.asAt)). "
        html +=
            report.suppression.map { "Published version: \(HTMLText.escape($0.footnote))" }
            ?? "Internal version: no numbers are hidden; do not publish."
        html += "</p>\n"
        html += checks(report)
        html +=
            "<section class=\"report-headline\" aria-labelledby=\"headline\">\n<h2 id=\"headline\">The year in figures</h2>\n<dl>\n"
        for figure in report.headline {
            html +=
                "<div><dt>\(HTMLText.escape(figure.label))</dt><dd>\(figure.value.map(String.init) ?? HTMLText.escape(mark))</dd></div>\n"
        }
        html += "</dl>\n</section>\n"
        html += duration(report.duration, mark: mark)
        for table in report.tables {
            html += section(table, mark: mark)
        }
        return html + "</div>"
    }

    /// The totals checks: every mismatch listed, or a line saying all agreed.
    static func checks(_ report: AnnualReport) -> String {
        let mismatches = report.mismatches
        guard !mismatches.isEmpty else {
            return "<p class=\"report-checks\">All \(report.checks.count) checks of the tables' totals agree.</p>\n"
        }
        var html = "<section class=\"report-mismatch\" role=\"alert\"><h2>Totals that do not agree</h2>\n<ul>\n"
        for check in mismatches { html += "<li>\(HTMLText.escape(check.sentence))</li>\n" }
        return html + "</ul></section>\n"
    }

    static func duration(_ duration: ReviewDuration, mark: String) -> String {
        func days(_ value: Double?) -> String { value.map { "\(Int($0.rounded())) days" } ?? HTMLText.escape(mark) }
        func share(_ value: Double?) -> String {
            value.map { "\(Int(($0 * 100).rounded()))%" } ?? HTMLText.escape(mark)
        }
        return """
            <section class="report-duration" aria-labelledby="duration">
            <h2 id="duration">How long reviews took</h2>
            <p>Days from death to the panel's review of the \(duration.reviews) reviews completed, not counting days paused for external processes.</p>
            <dl>
            <div><dt>Median</dt><dd>\(days(duration.median))</dd></div>
            <div><dt>Lower quartile</dt><dd>\(days(duration.lowerQuartile))</dd></div>
            <div><dt>Upper quartile</dt><dd>\(days(duration.upperQuartile))</dd></div>
            <div><dt>Within 6 months</dt><dd>\(share(duration.withinSixMonths))</dd></div>
            <div><dt>Within 12 months</dt><dd>\(share(duration.withinTwelveMonths))</dd></div>
            </dl>
            </section>

            """
    }

    /// A table with its caption, note and, for one-column tables, a chart.
    static func section(_ table: ReportTable, mark: String) -> String {
        func cell(_ value: Int?) -> String { value.map(String.init) ?? HTMLText.escape(mark) }
        var html = "<section class=\"report-table\" aria-labelledby=\"table-\(table.id)\">\n"
        html += "<h2 id=\"table-\(table.id)\">\(HTMLText.escape(table.title))</h2>\n"
        html += "<p>\(HTMLText.escape(table.note))</p>\n"
        if table.trend == true, !table.rows.isEmpty {
            html += "<figure>\n\(ReportChart.lines(table))\n</figure>\n"
        } else if table.columns.count == 1, !table.rows.isEmpty {
            html += "<figure>\n\(ReportChart.svg(table, mark: mark))\n</figure>\n"
        }
        html += "<table>\n<caption>\(HTMLText.escape(table.title))</caption>\n<thead>"
        let spanned = table.columnGroups != nil ? " rowspan=\"2\"" : ""
        html += "<tr><th scope=\"col\"\(spanned)>\(HTMLText.escape(table.rowHeading))</th>"
        if let groups = table.columnGroups {
            for run in Self.runs(groups) {
                html += "<th scope=\"colgroup\" colspan=\"\(run.count)\">\(HTMLText.escape(run.label))</th>"
            }
            if table.rowTotals != nil { html += "<th scope=\"col\" rowspan=\"2\">Total</th>" }
            html += "</tr>\n<tr>"
            for column in table.columns { html += "<th scope=\"col\">\(HTMLText.escape(column))</th>" }
        } else {
            for column in table.columns { html += "<th scope=\"col\">\(HTMLText.escape(column))</th>" }
            if table.rowTotals != nil { html += "<th scope=\"col\">Total</th>" }
        }
        html += "</tr></thead>\n<tbody>\n"
        for (index, row) in table.rows.enumerated() {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(row))</th>"
            for value in table.cells[index] { html += "<td>\(cell(value))</td>" }
            if let totals = table.rowTotals { html += "<td>\(cell(totals[index]))</td>" }
            html += "</tr>\n"
        }
        if table.rows.isEmpty {
            html += "<tr><td colspan=\"\(table.columns.count + 1)\">None in this period.</td></tr>\n"
        }
        html += "</tbody>\n"
        if let totals = table.columnTotals {
            html += "<tfoot><tr><th scope=\"row\">Total</th>"
            for value in totals { html += "<td>\(cell(value))</td>" }
            if table.rowTotals != nil { html += "<td>\(cell(table.grandTotal))</td>" }
            html += "</tr></tfoot>\n"
        }
        return html + "</table>\n</section>\n"
    }

    /// Consecutive equal labels, each with how many columns it spans.
    static func runs(_ labels: [String]) -> [(label: String, count: Int)] {
        var runs: [(label: String, count: Int)] = []
        for label in labels {
            if runs.last?.label == label { runs[runs.count - 1].count += 1 } else { runs.append((label, 1)) }
        }
        return runs
    }

    /// The file's own styles: screen and A4 print.
    static let stylesheet = """
        @page { size: A4; margin: 15mm; }
        body { font-family: "Liberation Sans", Arial, sans-serif; color: #1d1d1b; margin: 0 auto; max-width: 900px; padding: 1rem; }
        h1 { font-size: 1.6rem; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; }
        .report-meta { color: #505a5f; }
        .report-mismatch { border: 4px solid #d4351c; padding: 0.5rem 1rem; }
        .report-headline dl, .report-duration dl { display: flex; flex-wrap: wrap; gap: 1rem; }
        .report-headline dl div, .report-duration dl div { border-left: 4px solid #1d70b8; padding-left: 0.5rem; }
        dt { font-size: 0.9rem; } dd { margin: 0; font-size: 1.4rem; font-weight: bold; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        caption { text-align: left; font-weight: bold; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.2rem 0.5rem; text-align: right; }
        th[scope="row"], thead th:first-child { text-align: left; }
        figure { margin: 0; }
        .report-table { break-inside: avoid; page-break-inside: avoid; }
        @media print { body { max-width: none; padding: 0; } .report-table { break-inside: avoid; } }
        """
}

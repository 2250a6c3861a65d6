import CDOPApp
import CDOPDomain
import CDOPReports
import Foundation
import HTTPTypes
import Hummingbird

/// The annual report on a page for the panel. Panel members and the designated doctor see the published
/// version (small numbers hidden); a coordinator may also see the internal one. The report's HTML uses classes
/// and SVG presentation attributes only, so it is served under the site's CSP (style-src 'self', no script)
/// with /static/cdop.css; the self-contained file with its own stylesheet comes from `cdop report annual`.
enum ReportPages {
    static let access = Access.staff([.coordinator, .designatedDoctor, .panelMember])
    /// Counts below this are hidden on the published page.
    static let threshold = 3

    struct View: Encodable {
        var year: String
        var published: Bool
        var mayChooseVersion: Bool
        var report: String
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/panel/reports/annual", access) { request, context in
            let today = LondonTime.day(of: services.now)
            let parameters = request.uri.queryParameters
            let yearText = parameters.get("year") ?? String(ReportingYear.containing(today))
            let coordinator = context.staff?.actsForPanel == true
            let published = !(coordinator && parameters.get("version") == "internal")
            let chrome = { (errors: [PageChrome.ErrorLink]) in
                services.chrome("Annual report", context, path: "/panel/reports/annual", errors: errors)
            }
            guard let year = Int(yearText), let period = try? ReportPeriod.reportingYear(year) else {
                let view = View(year: yearText, published: published, mayChooseVersion: coordinator, report: "")
                return services.renderer.page(
                    "annual-report", view,
                    chrome: chrome([
                        .init(
                            field: "year",
                            message: "Enter a reporting year such as 2025 (for 1 April 2025 to 31 March 2026)")
                    ]),
                    status: .badRequest)
            }
            let query = AnnualReportQuery(
                panel: services.engine.panel, period: period,
                suppression: published ? try SuppressionPolicy(threshold: threshold) : nil,
                themes: services.definitions.learningThemes)
            let engine = services.engine
            let report = try await Task.detached { try query.run(on: engine.store, asAt: today) }.value
            let view = View(
                year: String(year), published: published, mayChooseVersion: coordinator, report: ReportHTML.body(report)
            )
            return services.renderer.page("annual-report", view, chrome: chrome([]))
        }
    }
}

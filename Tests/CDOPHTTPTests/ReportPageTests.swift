import CDOPApp
import CDOPDomain
import CDOPHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The annual report on a page: published (small numbers hidden) for the panel, internal on request for the
/// coordinator, under the site's CSP (no inline styles or scripts).
@Suite("The annual report page")
struct ReportPageTests {
    /// Four historic cases of the 2024-25 reporting year, through the import.
    static func withCases() async throws -> WebFixture {
        let fixture = try await WebFixture()
        let rows = [
            "reference,surname,date_of_birth,sex,area_code,date_of_death,date_notified,expected,reviewed_on,category,outcome,learning_themes",
            "H-1,Testchild,2024-01-02,male,NTH,2024-06-01,2024-06-02,expected,2025-02-10,8,not modifiable,neonatal care",
            "H-2,Testchild,2020-01-02,female,NTH,2024-07-01,2024-07-02,expected,2025-02-10,6,not modifiable,",
            "H-3,Testchild,2018-01-02,female,EST,2024-08-01,2024-08-02,expected,2025-02-10,6,insufficient information,",
            "H-4,Testchild,2015-01-02,male,EST,2024-09-01,2024-09-02,expected,,,,",
        ].joined(separator: "\n")
        _ = try HistoricImport(workflow: fixture.engine.workflow, panel: fixture.engine.panel)
            .run(rows, by: Actor(name: "casey.coordinator", role: "coordinator"))
        return fixture
    }

    @Test("A panel member sees the published report with small numbers hidden")
    func aPanelMemberSeesThePublishedReportWithSmallNumbersHidden() async throws {
        let fixture = try await Self.withCases()
        try await fixture.browse(as: .panelMember) { browser, _ in
            let response = try await browser.get("/panel/reports/annual?year=2024&version=internal")
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("annual report, 1 April 2024 to 31 March 2025"))
            #expect(html.contains("Published version"), "a panel member cannot ask for the internal version")
            #expect(html.contains("<td>*</td>"))
            #expect(html.contains("<svg") && html.contains("Deaths by age"))
            #expect(!html.contains("Testchild") && !html.contains("style="))
            #expect(response.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
        }
    }

    @Test("A coordinator may show the internal version")
    func aCoordinatorMayShowTheInternalVersion() async throws {
        let fixture = try await Self.withCases()
        try await fixture.browse(as: .coordinator) { browser, _ in
            let html = String(buffer: try await browser.get("/panel/reports/annual?year=2024&version=internal").body)
            #expect(html.contains("Internal version"))
            #expect(
                html.contains("<dt>Deaths notified</dt><dd>4</dd>")
                    && html.contains("<dt>Reviews completed</dt><dd>3</dd>"))
        }
    }

    @Test("A year that is not a year is refused beside the field")
    func aYearThatIsNotAYearIsRefusedBesideTheField() async throws {
        let fixture = try await Self.withCases()
        try await fixture.browse(as: .coordinator) { browser, _ in
            let response = try await browser.get("/panel/reports/annual?year=twenty")
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("href=\"#year\""))
        }
    }
}

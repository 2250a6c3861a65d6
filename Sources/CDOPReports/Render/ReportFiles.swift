import Foundation

/// Writes a report's files into a folder: "annual-report-2025-26.html", ".json", or one CSV per table.
package enum ReportFiles {
    /// What was written, for `--json`.
    package struct Summary: Codable, Sendable {
        package var files: [String]
        package var period: ReportPeriod
        package var mismatches: [TotalCheck]

        package init(files: [String], period: ReportPeriod, mismatches: [TotalCheck]) {
            self.files = files
            self.period = period
            self.mismatches = mismatches
        }
    }

    /// The files for `format` ("html", "csv" or "json"), with their names.
    package static func contents(_ report: AnnualReport, format: String) throws -> [(name: String, data: Data)] {
        let stem = "annual-report-\(report.period.slug)" + (report.suppression == nil ? "" : "-published")
        switch format {
        case "csv": return ReportCSV.files(report).map { ("\(stem)-\($0.name)", Data($0.text.utf8)) }
        case "json": return [("\(stem).json", try ReportJSON.data(report))]
        default: return [("\(stem).html", Data(ReportHTML.document(report).utf8))]
        }
    }

    /// Writes the files into `folder` (created if missing) and returns their paths.
    package static func write(_ report: AnnualReport, format: String, into folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try contents(report, format: format).map { file in
            let path = URL(fileURLWithPath: folder).appendingPathComponent(file.name).path
            try file.data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return path
        }
    }
}

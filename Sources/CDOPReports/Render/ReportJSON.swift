import Foundation

/// The report as JSON: the same model as the other outputs; a hidden number is null.
package enum ReportJSON {
    package static func data(_ report: AnnualReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }
}

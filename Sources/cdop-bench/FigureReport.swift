import Foundation

/// Prints figures as a table for people or as the JSON array the issues define.
enum FigureReport {
    static func json(_ figures: [Figure]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try! encoder.encode(figures), as: UTF8.self)
    }

    static func table(_ figures: [Figure]) -> String {
        func format(_ value: Double) -> String {
            value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)
        }
        let header = ["figure", "value", "unit", "baseline", "ratio", "better", "baseline is", "target"]
        let rows = figures.map {
            [
                $0.name, format($0.value), $0.unit, format($0.baseline), String(format: "%.2f", $0.ratio),
                $0.better.rawValue,
                $0.baselineLabel, $0.target,
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
    }
}

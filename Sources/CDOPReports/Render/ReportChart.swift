/// Charts of the report's tables as inline SVG, each with a text alternative (title and desc) that reads out
/// every value: a horizontal bar chart of a one-column table, and a line chart of a trend (one line per row
/// over the columns' years). They use presentation attributes only, never `style`, so they pass a strict CSP.
package enum ReportChart {
    static let width = 640
    static let labelWidth = 250
    static let barHeight = 22
    static let gap = 6
    static let lineHeight = 14
    /// The characters of a label that fit on one line of `labelWidth` at 12 px (a wider label wraps, never clips).
    static let labelCharacters = 34
    static let palette = [
        "#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#28a197", "#912b88", "#505a5f", "#003078",
    ]

    /// The chart of `table`'s first column (rows whose number is hidden are drawn without a bar). Long labels
    /// wrap onto several lines and the bar's row grows to hold them.
    package static func svg(_ table: ReportTable, mark: String) -> String {
        let values = table.cells.map { $0.first ?? nil }
        let largest = max(values.compactMap { $0 }.max() ?? 0, 1)
        let labels = table.rows.map { wrap($0, width: labelCharacters) }
        let rowHeights = labels.map { max(barHeight, $0.count * lineHeight + 6) }
        let height = rowHeights.reduce(gap) { $0 + $1 + gap }
        let plot = width - labelWidth - 60
        let spoken = zip(table.rows, values).map { "\($0): \($1.map(String.init) ?? "hidden")" }.joined(separator: "; ")
        var svg = opening(table, height: height, spoken: spoken)
        var y = gap
        for (index, lines) in labels.enumerated() {
            let rowHeight = rowHeights[index]
            let barY = y + (rowHeight - barHeight) / 2
            let middle = barY + barHeight / 2 + 5
            let firstLine = y + rowHeight / 2 + 5 - (lines.count - 1) * lineHeight / 2
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(firstLine)\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d1d1b\">"
            for (number, line) in lines.enumerated() {
                svg +=
                    "<tspan x=\"\(labelWidth - 8)\" dy=\"\(number == 0 ? 0 : lineHeight)\">\(HTMLText.escape(line))</tspan>"
            }
            svg += "</text>\n"
            y += rowHeight + gap
            guard let value = values[index] else {
                svg +=
                    "<text x=\"\(labelWidth + 4)\" y=\"\(middle)\" font-size=\"12\" fill=\"#1d1d1b\">\(HTMLText.escape(mark))</text>\n"
                continue
            }
            let length = value == 0 ? 0 : max(2, value * plot / largest)
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"#1d70b8\"/>\n"
            svg +=
                "<text x=\"\(labelWidth + length + 4)\" y=\"\(middle)\" font-size=\"12\" fill=\"#1d1d1b\">\(value)</text>\n"
        }
        return svg + "</svg>"
    }

    /// A line chart of a trend table: the columns (reporting years) along the bottom, one line per row, with a
    /// legend; a hidden value breaks its line.
    package static func lines(_ table: ReportTable) -> String {
        let left = 50
        let right = 20
        let top = 16
        let plotHeight = 220
        let legendRow = 18
        let bottom = top + plotHeight
        let legendTop = bottom + 34
        let height = legendTop + table.rows.count * legendRow + 8
        let largest = max(table.cells.flatMap { $0.compactMap { $0 } }.max() ?? 0, 1)
        let step = max(1, Int((Double(largest) / 4).rounded(.up)))
        let top4 = step * 4
        let span = width - left - right
        func x(_ column: Int) -> Int {
            table.columns.count == 1 ? left + span / 2 : left + column * span / (table.columns.count - 1)
        }
        func y(_ value: Int) -> Int { bottom - value * plotHeight / top4 }
        let spoken = table.rows.enumerated().map { index, row in
            "\(row): "
                + zip(table.columns, table.cells[index]).map { "\($0) \($1.map(String.init) ?? "hidden")" }.joined(
                    separator: ", ")
        }.joined(separator: "; ")
        var svg = opening(table, height: height, spoken: spoken)
        for tick in 0...4 {
            let value = tick * step
            svg +=
                "<line x1=\"\(left)\" y1=\"\(y(value))\" x2=\"\(width - right)\" y2=\"\(y(value))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>\n"
            svg +=
                "<text x=\"\(left - 6)\" y=\"\(y(value) + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"#1d1d1b\">\(value)</text>\n"
        }
        for (index, column) in table.columns.enumerated() {
            svg +=
                "<text x=\"\(x(index))\" y=\"\(bottom + 18)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1d1d1b\">\(HTMLText.escape(column))</text>\n"
        }
        for (index, row) in table.rows.enumerated() {
            let colour = palette[index % palette.count]
            var points: [String] = []
            func flush() {
                if points.count > 1 {
                    svg +=
                        "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
                }
                points = []
            }
            for (column, value) in table.cells[index].enumerated() {
                guard let value else {
                    flush()
                    continue
                }
                points.append("\(x(column)),\(y(value))")
                svg += "<circle cx=\"\(x(column))\" cy=\"\(y(value))\" r=\"3\" fill=\"\(colour)\"/>\n"
            }
            flush()
            let legendY = legendTop + index * legendRow
            svg += "<rect x=\"\(left)\" y=\"\(legendY - 9)\" width=\"12\" height=\"4\" fill=\"\(colour)\"/>\n"
            svg +=
                "<text x=\"\(left + 18)\" y=\"\(legendY - 3)\" font-size=\"12\" fill=\"#1d1d1b\">\(HTMLText.escape(row))</text>\n"
        }
        return svg + "</svg>"
    }

    static func opening(_ table: ReportTable, height: Int, spoken: String) -> String {
        let titleID = "chart-\(table.id)-title"
        let descID = "chart-\(table.id)-desc"
        return """
            <svg class="report-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" aria-labelledby="\(titleID) \(descID)">
            <title id="\(titleID)">Chart: \(HTMLText.escape(table.title))</title>
            <desc id="\(descID)">\(HTMLText.escape(spoken))</desc>

            """
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

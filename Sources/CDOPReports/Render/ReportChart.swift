/// A horizontal bar chart of a one-column table as inline SVG, with a text alternative (title and desc) that
/// reads out every bar. It uses presentation attributes only, never `style`, so it passes a strict CSP.
package enum ReportChart {
    static let width = 640
    static let labelWidth = 250
    static let barHeight = 22
    static let gap = 6

    /// The chart of `table`'s first column (rows whose number is hidden are drawn without a bar).
    package static func svg(_ table: ReportTable, mark: String) -> String {
        let values = table.cells.map { $0.first ?? nil }
        let largest = max(values.compactMap { $0 }.max() ?? 0, 1)
        let height = table.rows.count * (barHeight + gap) + gap
        let plot = width - labelWidth - 60
        let spoken = zip(table.rows, values).map { "\($0): \($1.map(String.init) ?? "hidden")" }.joined(separator: "; ")
        let titleID = "chart-\(table.id)-title"
        let descID = "chart-\(table.id)-desc"
        var svg = """
            <svg class="report-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" aria-labelledby="\(titleID) \(descID)">
            <title id="\(titleID)">Chart: \(HTMLText.escape(table.title))</title>
            <desc id="\(descID)">\(HTMLText.escape(spoken))</desc>

            """
        for (index, row) in table.rows.enumerated() {
            let y = gap + index * (barHeight + gap)
            let text = y + barHeight / 2 + 5
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(text)\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d1d1b\">\(HTMLText.escape(row))</text>\n"
            guard let value = values[index] else {
                svg += "<text x=\"\(labelWidth + 4)\" y=\"\(text)\" font-size=\"12\" fill=\"#1d1d1b\">\(HTMLText.escape(mark))</text>\n"
                continue
            }
            let length = value == 0 ? 0 : max(2, value * plot / largest)
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"#1d70b8\"/>\n"
            svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(text)\" font-size=\"12\" fill=\"#1d1d1b\">\(value)</text>\n"
        }
        return svg + "</svg>"
    }
}

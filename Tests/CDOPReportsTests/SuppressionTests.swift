import CDOPApp
import Testing

@testable import CDOPReports

@Suite("Small-number suppression")
struct SuppressionTests {
    /// A random table of `rows` by `columns` counts, many of them small.
    static func table(_ random: inout SeededRandom, rows: Int, columns: Int) -> ReportTable {
        let cells = (0..<rows).map { _ in
            (0..<columns).map { _ in
                random.chance(0.3) ? Int.random(in: 0...4, using: &random) : Int.random(in: 0...40, using: &random)
            }
        }
        return ReportTable(
            id: "t", title: "T", note: "", rowHeading: "R", rows: (0..<rows).map { "r\($0)" },
            columns: (0..<columns).map { "c\($0)" }, cells: cells)
    }

    /// What someone could work out from the published table: repeatedly, any sum (a row or column with its
    /// total) with exactly one unknown gives that unknown away.
    static func recoverable(_ published: ReportTable, original: ReportTable) -> Set<Suppression.Position> {
        var grid = Suppression.Grid(published)
        let full = Suppression.Grid(original)
        var known = Set(grid.positions)
        var recovered: Set<Suppression.Position> = []
        var progress = true
        while progress {
            progress = false
            for line in full.lines {
                let unknown = line.filter { !known.contains($0) }
                guard unknown.count == 1 else { continue }
                known.insert(unknown[0])
                recovered.insert(unknown[0])
                progress = true
            }
        }
        grid.hidden = recovered
        return recovered
    }

    @Test(
        "Over a thousand random tables, every small count is hidden, the rest shown as they were, and no hidden number can be worked out from the totals"
    )
    func hiddenNumbersCannotBeRecovered() throws {
        var random = SeededRandom(seed: 42)
        for _ in 0..<1_000 {
            let rows = Int.random(in: 1...10, using: &random)
            let columns = random.chance(0.4) ? 1 : Int.random(in: 2...4, using: &random)
            let threshold = Int.random(in: 2...6, using: &random)
            let policy = try SuppressionPolicy(threshold: threshold)
            let original = Self.table(&random, rows: rows, columns: columns)
            let published = Suppression.apply(policy, to: original)
            for row in 0..<rows {
                for column in 0..<columns {
                    let value = original.cells[row][column]!
                    if policy.isSmall(value) { #expect(published.cells[row][column] == nil) }
                    if let shown = published.cells[row][column] { #expect(shown == value) }
                }
            }
            if let total = original.grandTotal, policy.isSmall(total) { #expect(published.grandTotal == nil) }
            #expect(Self.recoverable(published, original: original).isEmpty, "\(original.cells) → \(published.cells)")
        }
    }

    @Test("A single small cell in a row takes another cell of its row and column with it")
    func secondarySuppression() throws {
        let table = ReportTable(
            id: "t", title: "T", note: "", rowHeading: "R", rows: ["a", "b"], columns: ["x", "y"],
            cells: [[1, 10], [20, 30]])
        let published = Suppression.apply(try SuppressionPolicy(threshold: 3), to: table)
        #expect(published.cells[0][0] == nil)
        #expect(published.cells[0][1] == nil, "else 11 - 10 gives the 1 away")
        #expect(published.cells[1][0] == nil, "else 21 - 20 gives the 1 away")
        #expect(published.grandTotal == 61)
    }

    @Test("Zero is shown: it identifies nobody")
    func zerosStay() throws {
        let table = ReportTable(
            id: "t", title: "T", note: "", rowHeading: "R", rows: ["a", "b"], columns: ["n"], cells: [[0], [12]])
        #expect(Suppression.apply(try SuppressionPolicy(threshold: 3), to: table).cells == [[0], [12]])
    }

    @Test("A threshold outside 2 to 100 is refused with the value named", arguments: [0, 1, 101])
    func thresholdRange(_ threshold: Int) {
        #expect(throws: ReportError.thresholdOutOfRange(threshold)) { try SuppressionPolicy(threshold: threshold) }
    }
}

@Suite("Report charts")
struct ReportChartTests {
    @Test("A label too long for the chart's label column wraps onto several lines instead of being clipped")
    func longLabelsWrap() {
        let table = ReportTable(
            id: "outstanding-by-stage", title: "Cases outstanding by stage", note: "", rowHeading: "Stage",
            rows: [OutstandingStage.awaitingExternalProcesses.label, "Ready for panel"], columns: ["Cases"],
            cells: [[4], [2]])
        let svg = ReportChart.svg(table, mark: "*")
        #expect(svg.contains("<tspan") && svg.contains("Awaiting external processes"))
        #expect(svg.contains("criminal proceedings)"), "every word of the label is drawn")
        for line in ReportChart.wrap(
            OutstandingStage.awaitingExternalProcesses.label, width: ReportChart.labelCharacters)
        {
            #expect(line.count <= ReportChart.labelCharacters)
        }
    }
}

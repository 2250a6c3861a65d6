/// How a published report hides small numbers: counts from 1 to `threshold - 1` are shown as `mark`.
package struct SuppressionPolicy: Hashable, Sendable, Codable {
    package var threshold: Int
    package var mark: String

    /// A policy, or a refusal when the threshold is not from 2 to 100.
    package init(threshold: Int, mark: String = "*") throws(ReportError) {
        guard (2...100).contains(threshold) else { throw .thresholdOutOfRange(threshold) }
        self.threshold = threshold
        self.mark = mark
    }

    /// Whether a count is small enough to hide (zero is shown: it identifies nobody).
    package func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// The footnote explaining the mark.
    package var footnote: String {
        "\(mark) a number from 1 to \(threshold - 1), or a number hidden so that such a number cannot be worked out from the totals."
    }
}

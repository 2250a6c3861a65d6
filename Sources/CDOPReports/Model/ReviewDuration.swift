/// How long reviews took: days from death to the panel's review, not counting days paused for external
/// processes. Quartiles are interpolated (the common "type 7" method); 6 months is taken as 182 days and
/// 12 months as 365.
package struct ReviewDuration: Hashable, Sendable, Codable {
    package static let sixMonths = 182
    package static let twelveMonths = 365

    package var reviews: Int
    /// Nil when there are no reviews, or too few to publish.
    package var median: Double?
    package var lowerQuartile: Double?
    package var upperQuartile: Double?
    /// Shares from 0 to 1.
    package var withinSixMonths: Double?
    package var withinTwelveMonths: Double?

    package init(days: [Int]) {
        reviews = days.count
        guard !days.isEmpty else { return }
        let sorted = days.sorted()
        median = Self.quantile(sorted, 0.5)
        lowerQuartile = Self.quantile(sorted, 0.25)
        upperQuartile = Self.quantile(sorted, 0.75)
        withinSixMonths = Double(sorted.filter { $0 <= Self.sixMonths }.count) / Double(sorted.count)
        withinTwelveMonths = Double(sorted.filter { $0 <= Self.twelveMonths }.count) / Double(sorted.count)
    }

    /// The quantile `p` of sorted values, interpolating between neighbours.
    package static func quantile(_ sorted: [Int], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return Double(sorted[lower]) + (position - Double(lower)) * Double(sorted[upper] - sorted[lower])
    }

    /// The same figures with every statistic hidden (too few reviews to publish).
    package var hidden: ReviewDuration {
        var copy = ReviewDuration(days: [])
        copy.reviews = reviews
        return copy
    }
}

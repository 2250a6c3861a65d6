import CDOPDomain

/// The days a report covers, both ends included: by default a reporting year, 1 April to 31 March.
package struct ReportPeriod: Hashable, Sendable, Codable {
    package var from: CalendarDate
    package var to: CalendarDate

    /// A period from `from` to `to`, or a refusal when it runs backwards.
    package init(from: CalendarDate, to: CalendarDate) throws(ReportError) {
        guard from <= to else { throw .periodBackwards(from: from, to: to) }
        self.from = from
        self.to = to
    }

    /// The reporting year starting on 1 April of `year` (2025 is 1 April 2025 to 31 March 2026).
    package static func reportingYear(_ year: Int) throws(ReportError) -> ReportPeriod {
        guard let days = ReportingYear.days(year) else { throw .yearOutOfRange(year) }
        return try ReportPeriod(from: days.from, to: days.to)
    }

    /// The period of the same days `years` years later (earlier when negative); 29 February becomes the 28th.
    package func shifted(years: Int) -> ReportPeriod {
        func move(_ day: CalendarDate) -> CalendarDate {
            CalendarDate(year: day.year + years, month: day.month, day: day.day)
                ?? CalendarDate(year: day.year + years, month: day.month, day: day.day - 1)!
        }
        return (try? ReportPeriod(from: move(from), to: move(to))) ?? self
    }

    /// The reporting period and the `count` before it, oldest first: what a trend compares.
    package func withPrevious(_ count: Int) -> [ReportPeriod] {
        (0...count).reversed().map { shifted(years: -$0) }
    }

    /// Whether `date` falls in the period.
    package func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// "2025-26" for a reporting year, else "2025-01-01 to 2025-06-30"; safe in a file name.
    package var slug: String {
        if from.month == 4, from.day == 1, to == CalendarDate(year: from.year + 1, month: 3, day: 31) {
            let next = (from.year + 1) % 100
            return "\(from.year)-" + (next < 10 ? "0\(next)" : "\(next)")
        }
        return "\(from.iso)_to_\(to.iso)"
    }

    /// "1 April 2025 to 31 March 2026".
    package var label: String { DayFormatter.long(from) + " to " + DayFormatter.long(to) }
}

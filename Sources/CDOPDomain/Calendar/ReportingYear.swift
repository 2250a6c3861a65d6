/// The year a panel reports on, 1 April to 31 March, named by the year it starts in (2025 is 2025-26): the annual
/// report's default period and the national return's year.
package enum ReportingYear {
    /// The years cdop reports on.
    package static let range = 1900...2200

    /// The days of the reporting year starting 1 April `year`; nil outside `range`.
    package static func days(_ year: Int) -> (from: CalendarDate, to: CalendarDate)? {
        guard range.contains(year), let from = CalendarDate(year: year, month: 4, day: 1),
            let to = CalendarDate(year: year + 1, month: 3, day: 31)
        else { return nil }
        return (from, to)
    }

    /// The reporting year `day` falls in.
    package static func containing(_ day: CalendarDate) -> Int {
        day.month >= 4 ? day.year : day.year - 1
    }
}

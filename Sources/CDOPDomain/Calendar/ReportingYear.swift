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

extension ReportingYear {
    /// The day a reporting year's national return is due: 31 March, a year after the reporting year ends (the
    /// return of 2025-26, deaths from 1 April 2025 to 31 March 2026, by 31 March 2027), so that the deaths of the
    /// year's last months can be reviewed first. Nil outside `range`.
    package static func nationalReturnDeadline(_ year: Int) -> CalendarDate? {
        guard range.contains(year) else { return nil }
        return CalendarDate(year: year + 2, month: 3, day: 31)
    }

    /// The reporting year whose national return is due by the coming 31 March (today included): the year that
    /// ended at the last 31 March.
    package static func nationalReturnDue(on day: CalendarDate) -> Int {
        containing(day) - 1
    }

    /// How the reporting year is written, e.g. "2025-26".
    package static func label(_ year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)-\(next < 10 ? "0" : "")\(next)"
    }
}

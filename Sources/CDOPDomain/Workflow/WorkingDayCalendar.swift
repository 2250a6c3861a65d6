import Foundation

/// Working days in England and Wales: Monday to Friday, not a bank holiday. Holidays come from
/// `Workflows/calendars/england-and-wales.yaml` through the shell; the arithmetic is here, pure.
package struct WorkingDayCalendar: Hashable, Sendable {
    /// The calendar's name, e.g. "england-and-wales".
    package var name: String
    /// The years the holiday list covers; arithmetic outside them is refused rather than guessed.
    package var years: ClosedRange<Int>
    package var holidays: Set<CalendarDate>

    package init(name: String, years: ClosedRange<Int>, holidays: Set<CalendarDate>) {
        self.name = name
        self.years = years
        self.holidays = holidays
    }

    /// Whether `date` is a working day.
    package func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !holidays.contains(date)
    }

    /// The date `count` working days after `date` (0: `date` itself if it is a working day, else the next one).
    /// Nil when the answer falls outside the years the calendar knows.
    package func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate? {
        var day = date
        var remaining = count
        if count == 0 {
            while !isWorkingDay(day) { day = day.adding(days: 1) }
        }
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return years.contains(day.year) && years.contains(date.year) ? day : nil
    }

    /// The date `count` working days after `date` (before it when `count` is negative); `date` itself when
    /// `count` is 0, working day or not (a due date the coordinator chose stays where it was put). Nil when the
    /// answer falls outside the years the calendar knows.
    package func moving(workingDays count: Int, from date: CalendarDate) -> CalendarDate? {
        var day = date
        var remaining = abs(count)
        let step = count < 0 ? -1 : 1
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return years.contains(day.year) && years.contains(date.year) ? day : nil
    }
}

extension CalendarDate {
    /// Monday is 1 ... Sunday is 7 (ISO 8601).
    package var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((daysSinceEpoch % 7 + 7) % 7 + 3) % 7 + 1
    }

    package var isWeekend: Bool { isoWeekday >= 6 }
}

/// Age arithmetic for scope and reports; a 29 February birthday falls on 1 March in other years.
package enum AgeAtDeath {
    /// Completed years of life on `date`.
    package static func years(born: CalendarDate, on date: CalendarDate) -> Int {
        var years = date.year - born.year
        if date < birthday(of: born, inYear: date.year) { years -= 1 }
        return years
    }

    /// Days of life on `date` (0 on the day of birth).
    package static func days(born: CalendarDate, on date: CalendarDate) -> Int {
        born.days(until: date)
    }

    /// The birthday in a given year.
    package static func birthday(of born: CalendarDate, inYear year: Int) -> CalendarDate {
        CalendarDate(year: year, month: born.month, day: born.day) ?? CalendarDate(year: year, month: 3, day: 1)!
    }
}

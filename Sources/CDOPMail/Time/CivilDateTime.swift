import Foundation

/// A wall-clock date and time on the proleptic Gregorian calendar, to the second, with no time zone attached.
///
/// The conversions are arithmetic (Howard Hinnant's days-from-civil), so rendering never depends on the
/// machine's locale, calendar or time-zone database.
package struct CivilDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int

    package init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The UTC wall time of an instant (fractions of a second are dropped).
    package init(utc instant: Date) {
        self.init(secondsSinceEpoch: Int(instant.timeIntervalSince1970.rounded(.down)))
    }

    /// The wall time `seconds` after 1970-01-01 00:00:00.
    package init(secondsSinceEpoch seconds: Int) {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        self.init(
            year: y, month: m, day: d,
            hour: secondOfDay / 3600, minute: (secondOfDay % 3600) / 60, second: secondOfDay % 60)
    }

    /// Seconds since 1970-01-01 00:00:00 of this wall time read as UTC.
    package var secondsSinceEpoch: Int {
        Self.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// This wall time read as UTC.
    package var utcInstant: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    /// Whether the fields name a real date and time (no 30 February, no 24:00).
    package var isValid: Bool {
        (1...12).contains(month) && (1...Self.daysIn(month: month, year: year)).contains(day)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
    }

    /// 0 = Sunday ... 6 = Saturday.
    package var weekday: Int {
        let days = Self.days(fromCivil: year, month, day)
        return (days + 4).floorModulo(7)  // 1970-01-01 was a Thursday
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// `YYYY-MM-DD hh:mm:ss`.
    package var description: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    /// The day of the month of the last Sunday of `month` in `year`.
    package static func lastSunday(of month: Int, in year: Int) -> Int {
        let last = daysIn(month: month, year: year)
        let weekday = CivilDateTime(year: year, month: month, day: last).weekday
        return last - weekday
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = z.floorDivided(by: 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Zero-padded decimal digits.
func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    func floorModulo(_ divisor: Int) -> Int { self - floorDivided(by: divisor) * divisor }
}

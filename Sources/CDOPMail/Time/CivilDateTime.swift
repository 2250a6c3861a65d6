import CDOPPrimitives
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
        let days = CivilDays.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = CivilDays.civil(fromDays: days)
        self.init(
            year: y, month: m, day: d,
            hour: secondOfDay / 3600, minute: (secondOfDay % 3600) / 60, second: secondOfDay % 60)
    }

    /// Seconds since 1970-01-01 00:00:00 of this wall time read as UTC.
    package var secondsSinceEpoch: Int {
        CivilDays.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
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
        CivilDays.weekday(ofDay: CivilDays.daysSinceEpoch(year: year, month: month, day: day))
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// `YYYY-MM-DD hh:mm:ss`.
    package var description: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Zero-padded decimal digits.
func pad(_ value: Int, _ width: Int = 2) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

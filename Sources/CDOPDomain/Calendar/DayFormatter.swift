import Foundation

/// Writes dates the way a coordinator reads them, "3 May 2026", without any locale lookup.
package enum DayFormatter {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static let shortMonthNames = monthNames.map { String($0.prefix(3)) }

    /// "3 May 2026".
    package static func long(_ date: CalendarDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// "3 May 2026" for the day in England at an instant.
    package static func long(_ instant: Date) -> String {
        long(LondonTime.day(of: instant))
    }

    /// "7 Dec 2026", for short timeline lines.
    package static func short(_ date: CalendarDate) -> String {
        "\(date.day) \(shortMonthNames[date.month - 1]) \(date.year)"
    }

    /// "3 May 2026 at 14:00" in England's time.
    package static func dayAndTime(_ instant: Date) -> String {
        long(instant) + " at " + LondonTime.time(of: instant).description
    }
}

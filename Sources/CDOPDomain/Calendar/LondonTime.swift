import CDOPPrimitives
import Foundation

/// England's civil time (GMT, or BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October), computed without any time-zone database or locale.
package enum LondonTime {
    /// Seconds England is ahead of UTC at an instant: 0 (GMT) or 3600 (BST).
    package static func offsetSeconds(at instant: Date) -> Int {
        UKSummerTime.offsetSeconds(atUTCSeconds: Int(floor(instant.timeIntervalSince1970)))
    }

    /// The day in England at an instant (what a coordinator calls "today").
    package static func day(of instant: Date) -> CalendarDate {
        let local = Int(floor(instant.timeIntervalSince1970)) + offsetSeconds(at: instant)
        return CalendarDate(daysSinceEpoch: CivilDays.floorDivide(local, 86_400))
    }

    /// The wall-clock time in England at an instant.
    package static func time(of instant: Date) -> TimeOfDay {
        let local = Int(floor(instant.timeIntervalSince1970)) + offsetSeconds(at: instant)
        let secondOfDay = local - CivilDays.floorDivide(local, 86_400) * 86_400
        return TimeOfDay(hour: secondOfDay / 3600, minute: (secondOfDay % 3600) / 60)!
    }
}

extension LondonTime {
    /// The instant at which England's clocks show `time` on `day`. In the hour the clocks go back, the first
    /// (BST) instant; in the hour that does not exist when they go forward, the instant an hour later.
    package static func instant(on day: CalendarDate, at time: TimeOfDay) -> Date {
        let local = day.daysSinceEpoch * 86_400 + time.hour * 3600 + time.minute * 60
        let summer = Date(timeIntervalSince1970: Double(local - 3600))
        if offsetSeconds(at: summer) == 3600 { return summer }
        return Date(timeIntervalSince1970: Double(local))
    }
}

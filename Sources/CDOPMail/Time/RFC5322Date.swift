import Foundation

/// The `Date:` header value of RFC 5322 section 3.3, in UTC: `Fri, 23 Oct 2026 13:00:00 +0000`.
package enum RFC5322Date {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    package static func format(_ instant: Date) -> String {
        let t = CivilDateTime(utc: instant)
        return "\(weekdays[t.weekday]), \(t.day) \(months[t.month - 1]) \(pad(t.year, 4)) "
            + "\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second)) +0000"
    }
}

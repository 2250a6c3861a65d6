import CDOPPrimitives
import Foundation

/// The fixed text form of `recorded_at`: `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, 24 ASCII bytes.
///
/// Readable in the sqlite3 shell, sortable as text, and parsed without a formatter (civil-date arithmetic
/// after Howard Hinnant's days_from_civil), because reading a million events a second cannot afford one.
package enum UTCTimestamp {
    /// Formats `date` to the nearest millisecond, writing the 24 bytes straight into the string (every timer,
    /// request and email row of a rebuild carries one, so no intermediate strings are made).
    package static func string(from date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let days = Int64(CivilDays.floorDivide(Int(totalMillis), 86_400_000))
        let millisOfDay = totalMillis - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let (hour, minute) = (millisOfDay / 3_600_000, millisOfDay / 60_000 % 60)
        let (second, millis) = (millisOfDay / 1000 % 60, millisOfDay % 1000)
        guard (0...9999).contains(year) else {
            // Never a real event's: padded text, a minus sign and all.
            func pad(_ value: Int64, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):"
                + "\(pad(second, 2)).\(pad(millis, 3))Z"
        }
        return String(unsafeUninitializedCapacity: 24) { text in
            var end = 0
            func put(_ value: Int64, _ width: Int, then separator: Unicode.Scalar) {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    text[end + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                text[end + width] = UInt8(ascii: separator)
                end += width + 1
            }
            put(year, 4, then: "-")
            put(month, 2, then: "-")
            put(day, 2, then: "T")
            put(hour, 2, then: ":")
            put(minute, 2, then: ":")
            put(second, 2, then: ".")
            put(millis, 3, then: "Z")
            return end
        }
    }

    /// Parses the fixed form; nil for anything else.
    package static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { bytes in parse(bytes) }
    }

    /// Parses the fixed form from raw bytes; nil for anything else.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x2E, bytes[23] == 0x5A
        else { return nil }
        func number(_ start: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for index in start..<(start + count) {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2), let millis = number(20, 3),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let totalMillis = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis
        return Date(timeIntervalSince1970: Double(totalMillis) / 1000)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        Int64(CivilDays.daysSinceEpoch(year: Int(year), month: Int(month), day: Int(day)))
    }

    /// The proleptic Gregorian date of a count of days since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let (year, month, day) = CivilDays.civil(fromDays: Int(days))
        return (Int64(year), Int64(month), Int64(day))
    }
}

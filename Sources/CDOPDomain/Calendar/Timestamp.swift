import CDOPJSON
import CDOPPrimitives
import Foundation

/// Instants as ISO 8601 UTC text kept to the millisecond, e.g. "2026-05-03T13:05:00Z" or
/// "2026-05-03T13:05:00.250Z": the one form events are stored in.
package enum Timestamp: InstantSpelling {
    /// The instant rounded to the nearest millisecond, the precision events keep.
    package static func normalised(_ instant: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(instant)) / 1000)
    }

    /// Milliseconds since 1970, rounded.
    static func milliseconds(_ instant: Date) -> Int {
        Int((instant.timeIntervalSince1970 * 1000).rounded())
    }

    /// ISO 8601 in UTC; fractions only when the instant has milliseconds.
    package static func format(_ instant: Date) -> String {
        let ms = milliseconds(instant)
        let seconds = CivilDays.floorDivide(ms, 1000)
        let fraction = ms - seconds * 1000
        let day = CalendarDate(daysSinceEpoch: CivilDays.floorDivide(seconds, 86_400))
        let secondOfDay = seconds - CivilDays.floorDivide(seconds, 86_400) * 86_400
        var text =
            day.iso + "T" + pad(secondOfDay / 3600, 2) + ":" + pad((secondOfDay % 3600) / 60, 2) + ":"
            + pad(secondOfDay % 60, 2)
        if fraction != 0 { text += "." + pad(fraction, 3) }
        return text + "Z"
    }

    /// Parses "YYYY-MM-DDTHH:MM:SS[.fff]" followed by "Z" or "+HH:MM"/"-HH:MM"; nil when malformed.
    package static func parse(_ text: String) -> Date? {
        ASCIIDigits.withBytes(of: text) { parse(bytes: $0) }
    }

    /// The instant spelt by `bytes` (UTF-8), or nil.
    package static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20, ASCIIDigits.byte(in: bytes, at: 10, is: UInt8(ascii: "T")),
            ASCIIDigits.byte(in: bytes, at: 13, is: UInt8(ascii: ":")),
            ASCIIDigits.byte(in: bytes, at: 16, is: UInt8(ascii: ":")),
            let (year, month, dayOfMonth) = ASCIIDigits.isoDay(in: bytes, at: 0),
            let day = CalendarDate(year: year, month: month, day: dayOfMonth),
            let hour = ASCIIDigits.number(in: bytes, at: 11, count: 2),
            let minute = ASCIIDigits.number(in: bytes, at: 14, count: 2),
            let second = ASCIIDigits.number(in: bytes, at: 17, count: 2), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var milliseconds = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let first = index
            while index < bytes.count, ASCIIDigits.number(in: bytes, at: index, count: 1) != nil { index += 1 }
            guard index > first else { return nil }
            // Milliseconds rounded half up from the fourth fractional digit; later digits are ignored.
            var padded = 0
            for place in 0..<4 {
                padded = padded * 10 + (first + place < index ? Int(bytes[first + place]) - 48 : 0)
            }
            milliseconds = padded / 10 + (padded % 10 >= 5 ? 1 : 0)
        }
        var offset = 0
        switch bytes.count - index {
        case 1 where bytes[index] == UInt8(ascii: "Z"):
            break
        case 6:
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                ASCIIDigits.byte(in: bytes, at: index + 3, is: UInt8(ascii: ":")),
                let h = ASCIIDigits.number(in: bytes, at: index + 1, count: 2),
                let m = ASCIIDigits.number(in: bytes, at: index + 4, count: 2)
            else { return nil }
            offset = (h * 3600 + m * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let seconds = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + milliseconds) / 1000)
    }
}

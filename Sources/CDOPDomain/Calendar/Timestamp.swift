import Foundation

/// Instants as ISO 8601 UTC text kept to the millisecond, e.g. "2026-05-03T13:05:00Z" or
/// "2026-05-03T13:05:00.250Z": the one form events are stored in.
package enum Timestamp {
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
        let seconds = floorDiv(ms, 1000)
        let fraction = ms - seconds * 1000
        let day = CalendarDate(daysSinceEpoch: floorDiv(seconds, 86_400))
        let secondOfDay = seconds - floorDiv(seconds, 86_400) * 86_400
        var text =
            day.iso + "T" + pad(secondOfDay / 3600, 2) + ":" + pad((secondOfDay % 3600) / 60, 2) + ":"
            + pad(secondOfDay % 60, 2)
        if fraction != 0 { text += "." + pad(fraction, 3) }
        return text + "Z"
    }

    /// Parses "YYYY-MM-DDTHH:MM:SS[.fff]" followed by "Z" or "+HH:MM"/"-HH:MM"; nil when malformed.
    package static func parse(_ text: String) -> Date? {
        let chars = Array(text)
        guard chars.count >= 20, chars[10] == "T", chars[13] == ":", chars[16] == ":",
            let day = CalendarDate(iso: String(chars[0..<10])),
            let hour = Int(String(chars[11..<13])), let minute = Int(String(chars[14..<16])),
            let second = Int(String(chars[17..<19])), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var milliseconds = 0
        if chars[index] == "." {
            index += 1
            var digits = ""
            while index < chars.count, chars[index].isASCII, chars[index].isNumber {
                digits.append(chars[index])
                index += 1
            }
            guard !digits.isEmpty else { return nil }
            let padded = (digits + "000").prefix(4)
            milliseconds = Int(padded)! / 10 + (Int(String(padded.last!))! >= 5 ? 1 : 0)
        }
        guard index < chars.count else { return nil }
        var offset = 0
        let zone = String(chars[index...])
        if zone != "Z" {
            let z = Array(zone)
            guard z.count == 6, z[0] == "+" || z[0] == "-", z[3] == ":",
                let h = Int(String(z[1..<3])), let m = Int(String(z[4..<6]))
            else { return nil }
            offset = (h * 3600 + m * 60) * (z[0] == "-" ? -1 : 1)
        }
        let seconds = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds * 1000 + milliseconds) / 1000)
    }
}

import CDOPJSON
import CDOPPrimitives
import Foundation

/// A day in the proleptic Gregorian calendar (no time, no zone): a date of birth, of death, a due date.
package struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// A valid calendar day, or nil (e.g. 31 February).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day that lies `daysSinceEpoch` days after 1 January 1970.
    package init(daysSinceEpoch: Int) {
        (year, month, day) = CivilDays.civil(fromDays: daysSinceEpoch)
    }

    /// Days since 1 January 1970 (negative before it).
    package var daysSinceEpoch: Int {
        CivilDays.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The day `days` later (earlier when negative).
    package func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day `years` later (earlier when negative); 29 February becomes 28 February in a common year.
    package func adding(years: Int) -> CalendarDate {
        let year = min(9999, max(1, self.year + years))
        return CalendarDate(year: year, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year)))!
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    package func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Whether `year` has a 29 February.
    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The ISO 8601 form, e.g. "2026-05-03".
    package var iso: String {
        guard (0...9999).contains(year) else { return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
        // Written straight into the string: every case's rows carry several dates.
        return String(unsafeUninitializedCapacity: 10) { text in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    text[start + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            text[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            text[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            return 10
        }
    }

    package var description: String { iso }

    /// Parses "YYYY-MM-DD"; nil when malformed or not a real day.
    package init?(iso text: String) {
        guard let date = ASCIIDigits.withBytes(of: text, { CalendarDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// Parses "YYYY-MM-DD" from UTF-8 bytes; nil when malformed or not a real day.
    init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, let (year, month, day) = ASCIIDigits.isoDay(in: bytes, at: 0) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses a date typed into a form, refusing with a message naming the field.
    package static func parse(_ text: String, field: String) throws(DomainError) -> CalendarDate {
        guard let date = CalendarDate(iso: text.trimmingSpaces()) else {
            throw DomainError.invalidDate(field: field, text: text)
        }
        return date
    }
}

extension CalendarDate: Codable {
    package init(from decoder: any Decoder) throws {
        // Stored events are read by the tape decoder: the date is parsed from its bytes, with no String made.
        if let tape = decoder as? JSONTapeDecoder, let bytes = tape.plainStringBytes,
            let date = CalendarDate(isoBytes: bytes)
        {
            self = date
            return
        }
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a YYYY-MM-DD date")
        }
        self = date
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Zero-pads a non-negative number to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

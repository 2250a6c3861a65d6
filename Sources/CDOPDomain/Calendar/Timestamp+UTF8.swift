import CDOPPrimitives
import Foundation

extension Timestamp {
    /// Appends `format(instant)`'s UTF-8 to `bytes`, digit by digit: every event carries an instant, and
    /// building its text from pieces cost as much as writing the rest of a small event.
    package static func append(_ instant: Date, to bytes: inout [UInt8]) {
        let ms = milliseconds(instant)
        let seconds = CivilDays.floorDivide(ms, 1000)
        let fraction = ms - seconds * 1000
        let days = CivilDays.floorDivide(seconds, 86_400)
        let day = CalendarDate(daysSinceEpoch: days)
        guard (0...9999).contains(day.year) else {
            bytes.append(contentsOf: format(instant).utf8)
            return
        }
        let secondOfDay = seconds - days * 86_400
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(day.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(day.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day.day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits((secondOfDay % 3600) / 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            digits(fraction, 3)
        }
        bytes.append(UInt8(ascii: "Z"))
    }
}

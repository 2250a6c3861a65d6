/// A wall-clock time in England (hours and minutes), e.g. the time of death "02:10".
package struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let hour: Int
    package let minute: Int

    /// A valid time from 00:00 to 23:59, or nil.
    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses "HH:mm" (two ASCII digits, a colon, two ASCII digits), byte by byte; nil when malformed.
    package init?(text: String) {
        guard text.utf8.count == 5 else { return nil }
        let bytes = Array(text.utf8)
        func digit(_ index: Int) -> Int? {
            let value = Int(bytes[index]) - Int(UInt8(ascii: "0"))
            return (0...9).contains(value) ? value : nil
        }
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"), let h1 = digit(0), let h2 = digit(1), let m1 = digit(3),
            let m2 = digit(4)
        else { return nil }
        self.init(hour: h1 * 10 + h2, minute: m1 * 10 + m2)
    }

    /// "HH:mm".
    package var description: String { pad(hour, 2) + ":" + pad(minute, 2) }

    package static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}

extension TimeOfDay: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let time = TimeOfDay(text: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an HH:mm time")
        }
        self = time
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

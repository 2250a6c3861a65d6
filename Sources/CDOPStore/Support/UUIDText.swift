import Foundation

/// Fast lower-case text form of UUIDs, as stored in the `event_id` column (36 ASCII bytes).
enum UUIDText {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Calls `body` with the 36 lower-case ASCII bytes of `uuid`, without allocating.
    static func withBytes<R>(of uuid: UUID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
            var out = 0
            withUnsafeBytes(of: uuid.uuid) { raw in
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    let byte = raw[index]
                    buffer[out] = hexDigits[Int(byte >> 4)]
                    buffer[out + 1] = hexDigits[Int(byte & 0x0F)]
                    out += 2
                }
            }
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// The lower-case string form.
    static func string(_ uuid: UUID) -> String {
        withBytes(of: uuid) { String(decoding: $0, as: UTF8.self) }
    }

    /// Where each of the 16 bytes' two hex digits start in the 36-character form.
    private static let digitOffsets: [Int] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]

    /// The value of each ASCII byte as a hex digit, or 0xFF.
    private static let hexValues: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }

    /// Parses 36 ASCII bytes (either case) into a UUID; nil when malformed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36, bytes[8] == 0x2D, bytes[13] == 0x2D, bytes[18] == 0x2D, bytes[23] == 0x2D else {
            return nil
        }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = hexValues.withUnsafeBufferPointer { values in
            digitOffsets.withUnsafeBufferPointer { offsets in
                withUnsafeMutableBytes(of: &raw) { out -> Bool in
                    var invalid: UInt8 = 0
                    for index in 0..<16 {
                        let high = values[Int(bytes[offsets[index]])]
                        let low = values[Int(bytes[offsets[index] + 1])]
                        invalid |= (high | low) & 0xF0
                        out[index] = high << 4 | (low & 0x0F)
                    }
                    return invalid == 0
                }
            }
        }
        return valid ? UUID(uuid: raw) : nil
    }
}

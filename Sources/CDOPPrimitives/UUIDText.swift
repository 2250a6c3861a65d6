import Foundation

/// The 36-character text of a UUID (8-4-4-4-12 hexadecimal digits), written lower-case and read in either case,
/// straight from and to bytes: every stored event names several identifiers, and Foundation's parser and its
/// upper-case string are slow enough to show in a full replay.
package enum UUIDText {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

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

    /// Calls `body` with the 36 lower-case ASCII bytes of `uuid`, without allocating.
    package static func withBytes<R>(of uuid: UUID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
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

    /// The lower-case form, as events, rows and links carry it.
    package static func lowercase(_ uuid: UUID) -> String {
        withBytes(of: uuid) { String(decoding: $0, as: UTF8.self) }
    }

    /// The UUID `text` spells, or nil when it is not exactly 8-4-4-4-12 hexadecimal digits.
    package static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// The UUID spelt by 36 ASCII bytes (either case), or nil when malformed.
    package static func parse(bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
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

extension UUID {
    /// The lower-case 8-4-4-4-12 form that events, rows and links carry.
    package var lowercasedText: String { UUIDText.lowercase(self) }
}

import Foundation

/// Parses the 36-character textual form of a UUID (any case) straight from its bytes: every stored event names
/// several identifiers, and Foundation's parser is slow enough to show in a full replay.
enum UUIDText {
    /// The UUID `text` spells, or nil when it is not exactly 8-4-4-4-12 hexadecimal digits.
    static func parse(_ text: String) -> UUID? {
        ASCIIDigits.withBytes(of: text) { parse(bytes: $0) }
    }

    /// The UUID spelt by `bytes`, or nil.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &value) { octets -> Bool in
            var index = 0
            for octet in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return false }
                octets[octet] = high << 4 | low
                index += 2
            }
            return true
        }
        return valid ? UUID(uuid: value) : nil
    }

    /// The lowercase 8-4-4-4-12 form, as events and links write it.
    static func lowercase(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { octets in
            String(unsafeUninitializedCapacity: 36) { text in
                var index = 0
                for (position, octet) in octets.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        text[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    text[index] = hexDigit(octet >> 4)
                    text[index + 1] = hexDigit(octet & 0x0F)
                    index += 2
                }
                return index
            }
        }
    }

    /// The lower-case ASCII hex digit of a value below 16.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension UUID {
    /// The lowercase 8-4-4-4-12 form that events, rows and links carry, made without Foundation's upper-case
    /// string and its lower-casing copy.
    package var lowercasedText: String { UUIDText.lowercase(self) }
}

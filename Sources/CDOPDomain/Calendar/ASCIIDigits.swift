/// Reads fixed-width decimal fields out of ASCII text without building substrings: the dates and instants of
/// every stored event pass through here, so a replay of a million events must not pay for `Character`s.
enum ASCIIDigits {
    /// The number written by `count` digits at `offset`, or nil when any of them is not 0-9.
    static func number(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, count: Int) -> Int? {
        guard offset >= 0, count > 0, offset + count <= bytes.count else { return nil }
        var value = 0
        for index in offset..<(offset + count) {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Whether the byte at `offset` is `ascii`.
    static func byte(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, is ascii: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == ascii
    }

    /// Runs `body` over the UTF-8 bytes of `text` (contiguous for native strings, copied otherwise).
    static func withBytes<T>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var text = text
        return text.withUTF8(body)
    }

    /// "YYYY-MM-DD" at `offset`: year, month and day, or nil when the shape is wrong.
    static func isoDay(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Int, Int, Int)? {
        guard byte(in: bytes, at: offset + 4, is: UInt8(ascii: "-")),
            byte(in: bytes, at: offset + 7, is: UInt8(ascii: "-")),
            let year = number(in: bytes, at: offset, count: 4), let month = number(in: bytes, at: offset + 5, count: 2),
            let day = number(in: bytes, at: offset + 8, count: 2)
        else { return nil }
        return (year, month, day)
    }
}

/// Where to go after signing in: only a path of this site, never another address (no open redirect).
///
/// Browsers drop tabs and newlines from a `Location` and read `\` as `/`, so `/\t/host/x` would leave the site as
/// `//host/x`. Control characters (C0, DEL, C1, raw or percent-encoded) are removed first; what is left must be
/// one `/` followed by a letter, a digit or nothing, with no backslash anywhere; anything else goes to `/`.
package enum SignInRedirect {
    package static func safe(_ next: String?) -> String {
        guard let next else { return "/" }
        let path = withoutControlCharacters(next)
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/"), !bytes.contains(UInt8(ascii: "\\")) else { return "/" }
        guard bytes.count > 1 else { return path }
        let second = bytes[1]
        let startsWell =
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(second)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(second)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(second)
        return startsWell ? path : "/"
    }

    /// `text` without control characters, raw or percent-encoded (`%09`, `%7F`, `%C2%85`), removed until none is
    /// left (so `%%0909` does not leave a `%09` behind).
    static func withoutControlCharacters(_ text: String) -> String {
        var bytes = Array(text.utf8)
        while true {
            let stripped = strippingControlCharacters(bytes)
            if stripped == bytes { return String(decoding: bytes, as: UTF8.self) }
            bytes = stripped
        }
    }

    /// One pass over the UTF-8 bytes, dropping each control character and each percent-encoded one.
    private static func strippingControlCharacters(_ bytes: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isControl(byte) {
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, isC1(bytes[index + 1]) {
                index += 2
            } else if let value = percentByte(bytes, at: index), isControl(value) {
                index += 3
            } else if percentByte(bytes, at: index) == 0xC2, let next = percentByte(bytes, at: index + 3), isC1(next) {
                index += 6
            } else {
                kept.append(byte)
                index += 1
            }
        }
        return kept
    }

    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }
    private static func isC1(_ byte: UInt8) -> Bool { (0x80...0x9F).contains(byte) }

    /// The byte a `%XX` at `index` stands for, if there is one there.
    private static func percentByte(_ bytes: [UInt8], at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "%") else { return nil }
        let digits = bytes[(index + 1)...(index + 2)]
        guard digits.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else { return nil }
        return UInt8(String(decoding: digits, as: UTF8.self), radix: 16)
    }
}

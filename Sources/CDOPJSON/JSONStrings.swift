import Foundation

/// Turns a scanned string node into a Swift `String`, and compares it with a key, without a copy when the
/// string has no escapes (almost always, in canonical JSON).
enum JSONStrings {
    static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt16(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The text of string node `node`; nil when its bytes are not valid UTF-8 (or escape a lone surrogate).
    static func string(of node: Int, in tape: JSONTape) -> String? {
        let bytes = tape.slice(node)
        guard tape[node].kind == .escapedString else { return text(bytes) }
        guard let unescaped = unescape(bytes) else { return nil }
        return unescaped.withUnsafeBufferPointer { text($0) }
    }

    /// The bytes as text: ASCII (nearly every stored string) needs no validation; anything else must be UTF-8.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80 ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// Whether string node `node` spells `name` exactly.
    static func matches(_ node: Int, in tape: JSONTape, _ name: String) -> Bool {
        guard tape[node].kind == .string else { return string(of: node, in: tape) == name }
        let bytes = tape.slice(node)
        var name = name
        return name.withUTF8 { wanted in
            wanted.count == bytes.count
                && (wanted.isEmpty || memcmp(wanted.baseAddress!, bytes.baseAddress!, wanted.count) == 0)
        }
    }

    /// The bytes with escapes replaced; the scanner has already checked their syntax.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                let unit = codeUnit(bytes, at: index)
                index += 4
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { return nil }
                    let low = codeUnit(bytes, at: index + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { return nil }
                    index += 6
                    scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(unit) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                out.append(contentsOf: UTF8.encode(scalar)!)
            default: out.append(escape) // \" \\ \/
            }
        }
        return out
    }

    private static func codeUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16 {
        (0..<4).reduce(0) { value, offset in value << 4 | hexValue(bytes[index + offset])! }
    }
}

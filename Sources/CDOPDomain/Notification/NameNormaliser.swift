import Foundation

/// Folds names for matching: case, accents, apostrophes, hyphens and spacing are ignored, so "O'Brien"
/// matches "OBrien" and "Zoë" matches "Zoe".
package enum NameNormaliser {
    /// Letters and digits only, lowercase, accents removed, a few ligatures spelled out.
    package static func fold(_ text: String) -> String {
        asciiFold(text) ?? unicodeFold(text)
    }

    /// The fold of a name written in ASCII only (most names, and every name of a rebuild's hundred thousand):
    /// its letters and digits lower-cased, byte by byte, without Unicode normalisation. Nil for other names.
    static func asciiFold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { folded in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        folded[count] = byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded[count] = byte + 0x20
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
    }

    /// The fold of any name: decomposed, marks dropped, ligatures spelled out, letters and digits kept.
    static func unicodeFold(_ text: String) -> String {
        var result = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let spelled = spelledOut[scalar] {
                result += spelled
                continue
            }
            let character = Character(scalar)
            guard character.isLetter || character.isNumber else { continue }
            result += character.lowercased()
        }
        return result
    }

    /// Letters that do not decompose into a base letter and a mark.
    static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    ]
}

import Foundation

/// Folds names for matching: case, accents, apostrophes, hyphens and spacing are ignored, so "O'Brien"
/// matches "OBrien" and "Zoë" matches "Zoe".
package enum NameNormaliser {
    /// Letters and digits only, lowercase, accents removed, a few ligatures spelled out.
    package static func fold(_ text: String) -> String {
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

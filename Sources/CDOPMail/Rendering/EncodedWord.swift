import Foundation

/// RFC 2047 encoded-words: `=?UTF-8?B?...?=`, each at most 75 characters and holding whole characters only,
/// so that every word decodes on its own.
enum EncodedWord {
    /// At most 36 UTF-8 octets per word: base64 makes 48 characters, 60 with the `=?UTF-8?B?` and `?=` around,
    /// so that even the first word fits on the line of its field name (`Reply-To: `) within 78 characters.
    static let maximumOctetsPerWord = 36

    /// The encoded-words for `text`, in order; whitespace between them is not part of the decoded text.
    static func words(for text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let octets = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + octets.count > maximumOctetsPerWord {
                words.append(word(chunk))
                chunk = []
            }
            // A single character (for example a long emoji sequence) larger than a word is split by scalar.
            if octets.count > maximumOctetsPerWord {
                for scalar in character.unicodeScalars {
                    let scalarOctets = Array(String(scalar).utf8)
                    if chunk.count + scalarOctets.count > maximumOctetsPerWord {
                        words.append(word(chunk))
                        chunk = []
                    }
                    chunk += scalarOctets
                }
            } else {
                chunk += octets
            }
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ octets: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(octets).base64EncodedString())?="
    }
}

/// MIME header parameters (`name="value"`), with RFC 2231 encoding for names outside plain ASCII.
enum MIMEParameter {
    /// Tokens for `; name=value`: a quoted string for short printable ASCII, otherwise RFC 2231
    /// `name*0*=UTF-8''...; name*1*=...` continuations of at most 48 characters each, so that every
    /// folded line stays within 78 characters.
    static func tokens(name: String, value: String) -> [String] {
        let isSimple = value.utf8.allSatisfy { $0 >= 32 && $0 <= 126 } && value.utf8.count <= 60
        if isSimple {
            let escaped = value.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
            return ["\(name)=\"\(escaped)\""]
        }
        var chunks: [String] = []
        var chunk = ""
        for character in value {
            let encoded = percentEncoded(character)
            if !chunk.isEmpty, chunk.utf8.count + encoded.utf8.count > 48 {
                chunks.append(chunk)
                chunk = ""
            }
            chunk += encoded
        }
        chunks.append(chunk)
        if chunks.count == 1 { return ["\(name)*=UTF-8''\(chunks[0])"] }
        return chunks.enumerated().map { index, text in
            "\(name)*\(index)*=\(index == 0 ? "UTF-8''" : "")\(text)" + (index < chunks.count - 1 ? ";" : "")
        }
    }

    /// attribute-char of RFC 2231 kept as is; everything else as %XX of its UTF-8 octets.
    private static func percentEncoded(_ character: Character) -> String {
        var out = ""
        for octet in String(character).utf8 {
            if octet.isASCIIAlphanumeric || "!#$&+-.^_`|~".utf8.contains(octet) {
                out.append(Character(Unicode.Scalar(octet)))
            } else {
                out += "%" + hex(octet)
            }
        }
        return out
    }
}

private let hexDigits = Array("0123456789ABCDEF")

/// Two upper-case hexadecimal digits.
func hex(_ octet: UInt8) -> String {
    String([hexDigits[Int(octet >> 4)], hexDigits[Int(octet & 0x0F)]])
}

/// Quoted-printable content transfer encoding (RFC 2045 section 6.7) of text.
///
/// Any line ending in the input (CRLF, LF or CR) becomes a hard CRLF line break; encoded lines are at most
/// 76 characters, longer lines continue after a soft break (`=` at the end of a line).
package enum QuotedPrintable {
    package static func encode(_ text: String) -> [String] {
        normalizedLines(text).map(encodeLine).flatMap { $0 }
    }

    /// The text split at line endings of any kind.
    static func normalizedLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var previousWasCR = false
        for octet in text.utf8 {
            switch octet {
            case 13:
                lines.append([])
                previousWasCR = true
                continue
            case 10 where previousWasCR:
                break
            case 10:
                lines.append([])
            default:
                lines[lines.count - 1].append(octet)
            }
            previousWasCR = false
        }
        return lines
    }

    private static func encodeLine(_ line: [UInt8]) -> [String] {
        var output: [String] = []
        var current = ""
        var currentLength = 0
        for (index, octet) in line.enumerated() {
            let isLast = index == line.count - 1
            let literal =
                (octet >= 33 && octet <= 126 && octet != UInt8(ascii: "=")) || ((octet == 32 || octet == 9) && !isLast)
            let token = literal ? String(Character(Unicode.Scalar(octet))) : "=" + hex(octet)
            // Room for a soft break after every token but the line's last.
            if currentLength + token.utf8.count > (isLast ? 76 : 75) {
                output.append(current + "=")
                current = ""
                currentLength = 0
            }
            current += token
            currentLength += token.utf8.count
        }
        output.append(current)
        return output
    }
}

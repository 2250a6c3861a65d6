import Foundation

/// Reading rendered bytes back in the tests: lines, headers, and independent decoders.
enum MailText {
    /// The lines of `data` split at CRLF (the last, empty element after the final CRLF dropped).
    static func lines(_ data: Data) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                lines.append([])
                i += 2
            } else {
                lines[lines.count - 1].append(bytes[i])
                i += 1
            }
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The header block of a message, unfolded, as (name, value) pairs.
    static func headers(_ data: Data) -> [(String, String)] {
        var result: [(String, String)] = []
        for line in lines(data) {
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix(" ") || text.hasPrefix("\t"), !result.isEmpty {
                result[result.count - 1].1 += text
            } else if let colon = text.firstIndex(of: ":") {
                result.append((String(text[..<colon]), String(text[text.index(after: colon)...].dropFirst())))
            }
        }
        return result
    }

    /// Decodes quoted-printable lines (soft breaks joined, hard breaks as "\n").
    static func decodeQuotedPrintable(_ lines: [String]) -> String {
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            var octets = Array(line.utf8)
            let soft = octets.last == UInt8(ascii: "=")
            if soft { octets.removeLast() }
            var i = 0
            while i < octets.count {
                if octets[i] == UInt8(ascii: "="), i + 2 < octets.count + 0,
                    let value = UInt8(
                        String(decoding: octets[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    i += 3
                } else {
                    bytes.append(octets[i])
                    i += 1
                }
            }
            if !soft, index < lines.count - 1 { bytes.append(10) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

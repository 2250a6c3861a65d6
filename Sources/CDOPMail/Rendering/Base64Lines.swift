import Foundation

/// Base64 content transfer encoding (RFC 2045 section 6.8) in lines of 76 characters.
package enum Base64Lines {
    package static func encode(_ data: Data) -> [String] {
        let encoded = Array(data.base64EncodedString().utf8)
        guard !encoded.isEmpty else { return [] }
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            String(decoding: encoded[start..<min(start + 76, encoded.count)], as: UTF8.self)
        }
    }
}

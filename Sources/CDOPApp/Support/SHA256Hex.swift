import Crypto
import Foundation

/// SHA-256 as lower-case hex: how cdop names a token it stores only as its hash, an import file, and each file of
/// a national return. Every signed-in request hashes its session's token, so the digits are written from a table
/// rather than formatted one by one.
package enum SHA256Hex {
    package static func of(_ data: Data) -> String {
        let digest = SHA256.hash(data: data)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)
}

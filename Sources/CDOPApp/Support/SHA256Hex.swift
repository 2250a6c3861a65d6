import Crypto
import Foundation

/// SHA-256 as lower-case hex: how cdop names a token it stores only as its hash, an import file, and each file of
/// a national return.
package enum SHA256Hex {
    package static func of(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

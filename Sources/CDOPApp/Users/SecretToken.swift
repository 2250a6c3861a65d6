import Crypto
import Foundation

/// Random tokens, their digests and comparisons that take the same time whatever the input.
package enum SecretToken {
    /// `count` bytes from the system's cryptographic random source.
    package static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// 256 random bits as base64url without padding (43 characters), for cookies and form fields.
    package static func make() -> String {
        base64URL(randomBytes(32))
    }

    /// Base64url without padding (RFC 4648 §5).
    package static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 digest of a token as lower-case hex: what the database keeps instead of the token.
    package static func digest(_ token: String) -> String {
        SHA256Hex.of(Data(token.utf8))
    }

    /// Whether two strings are equal, in a time that depends only on their lengths.
    package static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0xff)
        }
        return difference == 0
    }
}

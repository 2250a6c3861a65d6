import CDOPApp
import CDOPDomain
import CDOPStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Cross-site request forgery tokens. Staff forms carry their session's token; public and practitioner forms
/// carry a random token that must equal the one in a SameSite=Strict cookie (double submit).
package enum CSRF {
    /// The hidden field every form carries.
    package static let fieldName = "csrf"
    /// The header an API client sends on unsafe methods.
    package static let headerName = HTTPField.Name("X-CSRF-Token")!
    /// The cookie holding an anonymous visitor's token.
    package static let cookieName = "cdop_form"

    /// Equal tokens, compared in time independent of where they differ.
    package static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// An anonymous visitor's token: the cookie's, or a new one to set (`isNew`).
    package static func anonymousToken(_ request: Request) -> (token: String, isNew: Bool) {
        if let existing = request.cookies[cookieName]?.value, RandomToken.isWellFormed(existing) {
            return (existing, false)
        }
        return (RandomToken.make(), true)
    }

    /// The cookie carrying an anonymous visitor's token.
    package static func cookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}

/// 256 random bits as 43 URL-safe characters.
package enum RandomToken {
    /// 256 random bits from the system's generator, in base64url (43 characters).
    package static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeMutableBytes { buffer in
            for offset in stride(from: 0, to: 32, by: 8) {
                buffer.storeBytes(of: generator.next(), toByteOffset: offset, as: UInt64.self)
            }
        }
        return String(
            Data(bytes).base64EncodedString().unicodeScalars.compactMap { scalar -> Character? in
                switch scalar {
                case "+": "-"
                case "/": "_"
                case "=": nil
                default: Character(scalar)
                }
            })
    }

    /// Whether `text` could be a token: 43 characters of the base64url alphabet.
    package static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43
            && text.utf8.allSatisfy {
                ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                    || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                    || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "_")
            }
    }
}

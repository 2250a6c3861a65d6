import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238): HMAC-SHA-1 over the 30-second step, 6 digits, a step either side
/// accepted for clock drift, and each step accepted once only.
package struct TOTP: Sendable, Equatable {
    package static let period: TimeInterval = 30
    package static let digits = 6
    /// Steps either side of now that are accepted.
    package static let window: Int64 = 1

    /// The shared secret (20 random bytes when generated here).
    package let secret: [UInt8]

    package init(secret: [UInt8]) {
        self.secret = secret
    }

    /// A new random secret of 160 bits (RFC 4226 recommends its HMAC's output length).
    package static func generate() -> TOTP {
        TOTP(secret: SecretToken.randomBytes(20))
    }

    /// The secret in base32, as typed into an authenticator app.
    package var base32Secret: String { Base32.encode(secret) }

    /// The time step holding `instant`.
    package static func step(at instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 / period).rounded(.down))
    }

    /// The code for one step (RFC 4226 dynamic truncation), zero-padded to `digits`.
    package func code(forStep step: Int64, digits: Int = TOTP.digits) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The code valid at `instant`.
    package func code(at instant: Date) -> String {
        code(forStep: Self.step(at: instant))
    }

    /// What checking a typed code found.
    package enum Check: Equatable, Sendable {
        /// The code matches this step, not used before.
        case accepted(step: Int64)
        /// The code matches a step already used (or an earlier one): a replay.
        case reused
        case wrong
    }

    /// Checks `typed` (spaces ignored) against the steps around `instant`; `lastUsedStep` refuses replays.
    package func check(_ typed: String, at instant: Date, lastUsedStep: Int64?) -> Check {
        let digitsOnly = typed.filter { !$0.isWhitespace }
        guard digitsOnly.count == Self.digits, digitsOnly.allSatisfy(\.isASCII), digitsOnly.allSatisfy(\.isNumber)
        else {
            return .wrong
        }
        let now = Self.step(at: instant)
        var matched: Int64?
        for step in (now - Self.window)...(now + Self.window)
        where SecretToken.constantTimeEquals(code(forStep: step), digitsOnly) {
            matched = step
        }
        guard let matched else { return .wrong }
        if let lastUsedStep, matched <= lastUsedStep { return .reused }
        return .accepted(step: matched)
    }

    /// The `otpauth://` URI an authenticator app reads from a QR code (Key URI Format).
    package func uri(issuer: String, account: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "otpauth://totp/\(encoded(issuer)):\(encoded(account))?secret=\(base32Secret)&issuer=\(encoded(issuer))"
            + "&algorithm=SHA1&digits=\(Self.digits)&period=\(Int(Self.period))"
    }
}

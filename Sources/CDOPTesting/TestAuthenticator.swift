import CDOPApp
import Foundation

/// An authenticator app for tests that drive cdop from outside (the CLI tests): the code a base32 secret
/// gives at an instant.
package enum TestAuthenticator {
    package static func code(secret: String, at instant: Date = Date()) -> String? {
        Base32.decode(secret).map { TOTP(secret: $0).code(at: instant) }
    }
}

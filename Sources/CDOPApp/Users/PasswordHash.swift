import HummingbirdBcrypt

/// Staff passwords as bcrypt hashes (hummingbird-auth's CBcrypt): what `user_credentials` keeps.
package enum PasswordHash {
    /// The bcrypt hash of `password` at `cost` (12 in production), with a fresh salt.
    package static func make(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` is the one `hash` was made from.
    package static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}

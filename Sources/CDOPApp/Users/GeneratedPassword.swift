/// Passwords made for new accounts and resets: four groups of five lower-case letters and digits, without the
/// characters people mistake for each other (0/o, 1/l/i), e.g. "k7wq2-mz4hx-9rtcp-ab3ve" (about 98 bits).
package enum GeneratedPassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A new random password from the system's cryptographic random source.
    package static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// A password from `generator` (tests pass a seeded one).
    package static func make(using generator: inout some RandomNumberGenerator) -> String {
        (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement(using: &generator)! }) }
            .joined(separator: "-")
    }
}

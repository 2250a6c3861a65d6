import CDOPDomain

/// What a staff password must be, after the NCSC's advice: length over complexity, no forced character mix,
/// but not the username, not a well-known password and not a trivial pattern. Messages never quote it.
package enum PasswordPolicy {
    package static let minimumLength = 12
    /// bcrypt reads only the first 72 bytes; longer passwords would be silently cut.
    package static let maximumBytes = 72

    /// Words that stay guessable whatever digits or symbols are added around them.
    static let commonWords: Set<String> = [
        "password", "passw", "passwort", "qwerty", "qwertyuiop", "asdfgh", "zxcvbn", "letmein", "welcome", "changeme",
        "admin", "administrator", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine", "princess",
        "trustno", "abc", "abcdef", "abcdefghijkl", "secret", "login", "master", "starwars", "summer", "winter",
        "spring", "autumn", "cdop", "childdeath", "nhs", "london", "england", "qazwsx", "azerty",
    ]

    /// Well-known passwords compared whole (lower-cased).
    static let commonPasswords: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qwertyuiop12",
        "qwerty123456", "password1234", "password123!", "p@ssw0rd1234", "passw0rd1234", "letmein12345",
        "welcome12345", "iloveyou1234", "changeme1234", "abc123abc123", "aaaaaaaaaaaa", "111111111111",
        "123123123123", "987654321098", "abcd1234abcd", "zaq12wsxcde3",
    ]

    /// Refuses a password that breaks the policy; `username` must not appear in it.
    package static func check(_ password: String, username: String) throws(DomainError) {
        guard password.count >= minimumLength else {
            throw DomainError(
                code: "password.tooShort",
                "The password must be at least \(minimumLength) characters long; "
                    + "three or four random words make a good one.")
        }
        guard password.utf8.count <= maximumBytes else {
            throw DomainError(
                code: "password.tooLong", "The password must be at most \(maximumBytes) bytes (72 plain letters).")
        }
        let lowered = password.lowercased()
        let name = username.lowercased()
        if name.count >= 3, lowered.contains(name) {
            throw DomainError(code: "password.containsUsername", "The password must not contain the username.")
        }
        let letters = String(lowered.filter(\.isLetter))
        // The word inside digits and symbols added around it, with digits standing for letters undone.
        let core = String(lowered.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
        let unleet = String(leet(core).filter(\.isLetter))
        if commonPasswords.contains(lowered) || commonWords.contains(letters) || commonWords.contains(unleet) {
            throw DomainError(
                code: "password.common", "The password is one of the most commonly used ones; choose another.")
        }
        if Set(password).count < 5 || password.allSatisfy(\.isNumber) {
            throw DomainError(
                code: "password.tooSimple", "The password repeats too few characters or is all digits; choose another.")
        }
    }

    /// Letters with the usual digit substitutions undone (p4ssw0rd → password), for the common-word check.
    private static func leet(_ text: String) -> String {
        String(text.map { substitutions[$0] ?? $0 })
    }

    private static let substitutions: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
    ]
}

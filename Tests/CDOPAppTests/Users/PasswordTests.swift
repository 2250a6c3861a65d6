import CDOPApp
import CDOPDomain
import CDOPTesting
import Testing

@Suite("Passwords: policy, generation, bcrypt")
struct PasswordTests {
    func refusal(_ password: String, username: String = "casey.coordinator") -> String? {
        do throws(DomainError) {
            try PasswordPolicy.check(password, username: username)
            return nil
        } catch {
            #expect(!error.description.contains(password), "the message quotes the password")
            return error.code
        }
    }

    @Test("Length over complexity: 12 characters at least, no username, no common password, no trivial pattern")
    func policy() {
        #expect(refusal("short phrase") == nil)
        #expect(refusal("eleven char") == "password.tooShort")
        #expect(refusal("correct horse battery staple") == nil)
        #expect(refusal("allinlowercaseletters") == nil)
        #expect(refusal("Casey.Coordinator2026") == "password.containsUsername")
        #expect(refusal("Password1234") == "password.common")
        #expect(refusal("P4ssw0rd!!2026") == "password.common")
        #expect(refusal("2026Welc0me!!") == "password.common")
        #expect(refusal("qwerty123456") == "password.common")
        #expect(refusal("1q2w3e4r5t6y") == "password.common")
        #expect(refusal("abababababab") == "password.tooSimple")
        #expect(refusal("839201746521") == "password.tooSimple")
        #expect(refusal(String(repeating: "horse ", count: 13)) == "password.tooLong")
    }

    @Test("Generated passwords are four groups of five readable characters, different every time, and pass the policy")
    func generated() {
        var random = SeededRandom(seed: 3)
        var seen: Set<String> = []
        for _ in 0..<200 {
            let password = GeneratedPassword.make(using: &random)
            let groups = password.split(separator: "-")
            #expect(groups.count == 4 && groups.allSatisfy { $0.count == 5 }, "\(password)")
            #expect(password.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) })
            #expect(!password.contains { "0o1li".contains($0) })
            seen.insert(password)
        }
        #expect(seen.count == 200)
        #expect(refusal(GeneratedPassword.make(), username: "zz9") == nil)
    }

    @Test("bcrypt hashes verify the password they were made from and refuse another")
    func bcrypt() {
        let hash = PasswordHash.make("correct horse battery staple", cost: 4)
        #expect(hash.hasPrefix("$2") && hash.contains("$04$"), "\(hash)")
        #expect(!hash.contains("horse"))
        #expect(PasswordHash.verify("correct horse battery staple", hash: hash))
        #expect(!PasswordHash.verify("correct horse battery stapl", hash: hash))
        #expect(PasswordHash.make("correct horse battery staple", cost: 4) != hash, "a fresh salt each time")
    }

    @Test("Secret tokens are 256 bits in base64url; only their digest is kept; comparisons are exact")
    func tokens() {
        let token = SecretToken.make()
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(SecretToken.make() != token)
        #expect(SecretToken.digest(token).count == 64)
        #expect(SecretToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SessionStore.csrfMatches(token, token))
        #expect(!SessionStore.csrfMatches(String(token.dropLast()) + "x", token))
        #expect(!SessionStore.csrfMatches(String(token.dropLast()), token))
        #expect(!SessionStore.csrfMatches(nil, token))
        #expect(!SessionStore.csrfMatches("", ""))
    }

    @Test("bcrypt's cost is 12 unless CDOP_BCRYPT_COST sets another from 4 to 31")
    func cost() throws {
        #expect(AppConfiguration().bcryptCost == 12)
        #expect(try AppConfiguration(environment: ["CDOP_BCRYPT_COST": "4"]).bcryptCost == 4)
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_BCRYPT_COST": "3"])
        }
        #expect(error?.problems.map(\.variable) == ["CDOP_BCRYPT_COST"])
    }
}

import CDOPApp
import Foundation
import Testing

@Suite("One-time codes (RFC 6238)")
struct TOTPTests {
    /// RFC 6238 appendix B's SHA-1 key and its 8-digit codes.
    static let rfcKey = TOTP(secret: Array("12345678901234567890".utf8))
    static let vectors: [(seconds: TimeInterval, code: String)] = [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ]

    @Test("The codes of RFC 6238 appendix B (SHA-1), and their last six digits as the six-digit codes")
    func appendixB() {
        for vector in Self.vectors {
            let step = TOTP.step(at: Date(timeIntervalSince1970: vector.seconds))
            #expect(Self.rfcKey.code(forStep: step, digits: 8) == vector.code, "at \(vector.seconds)")
            #expect(Self.rfcKey.code(at: Date(timeIntervalSince1970: vector.seconds)) == String(vector.code.suffix(6)))
        }
    }

    @Test("Base32 writes the RFC key as authenticator apps expect and reads it back in any case")
    func base32() {
        #expect(Self.rfcKey.base32Secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezdgnbvgy3tqojq gezdgnbvgy3tqojq") == Self.rfcKey.secret)
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
        let random = TOTP.generate()
        #expect(random.secret.count == 20)
        #expect(Base32.decode(random.base32Secret) == random.secret)
    }

    @Test("A code is accepted one step either side of now, not two; a used step is refused the second time")
    func windowAndReplay() {
        let totp = TOTP.generate()
        let now = Date(timeIntervalSince1970: 1_800_000_015)
        let step = TOTP.step(at: now)
        #expect(totp.check(totp.code(at: now), at: now, lastUsedStep: nil) == .accepted(step: step))
        #expect(totp.check(totp.code(forStep: step - 1), at: now, lastUsedStep: nil) == .accepted(step: step - 1))
        #expect(totp.check(totp.code(forStep: step + 1), at: now, lastUsedStep: nil) == .accepted(step: step + 1))
        let farOff = totp.code(forStep: step - 2)
        if farOff != totp.code(forStep: step) && farOff != totp.code(forStep: step - 1)
            && farOff != totp.code(forStep: step + 1)
        {
            #expect(totp.check(farOff, at: now, lastUsedStep: nil) == .wrong)
        }
        #expect(totp.check(totp.code(at: now), at: now, lastUsedStep: step) == .reused)
        #expect(totp.check(totp.code(forStep: step - 1), at: now, lastUsedStep: step) == .reused)
        let spaced = totp.code(at: now)
        #expect(
            totp.check(String(spaced.prefix(3)) + " " + String(spaced.suffix(3)), at: now, lastUsedStep: nil)
                == .accepted(step: step))
        #expect(totp.check("12345", at: now, lastUsedStep: nil) == .wrong)
        #expect(totp.check("abcdef", at: now, lastUsedStep: nil) == .wrong)
    }

    @Test("The enrolment URI names the issuer and account and carries the base32 secret and parameters")
    func uri() {
        let uri = Self.rfcKey.uri(issuer: "North Central CDOP", account: "casey.coordinator")
        #expect(
            uri == "otpauth://totp/North%20Central%20CDOP:casey.coordinator?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=North%20Central%20CDOP&algorithm=SHA1&digits=6&period=30")
    }
}

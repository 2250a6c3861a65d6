import Testing

@testable import CDOPDomain

@Suite("NHS numbers")
struct NHSNumberTests {
    @Test(
        "Numbers with a correct modulus-11 check digit are accepted, spaces removed",
        arguments: ["943 476 5919", "4010232137", "485-777-3457"])
    func valid(_ text: String) throws {
        let number = try NHSNumber(text).validated()
        #expect(number.text.count == 10)
        #expect(number.text.allSatisfy { $0.isNumber })
    }

    @Test(
        "A wrong check digit, or nine digits giving remainder 10, is refused",
        arguments: ["9434765918", "4010232138", "0000000060"])
    func invalid(_ text: String) {
        #expect(throws: DomainError.self) { try NHSNumber(text).validated() }
    }

    @Test("A check digit of 10 makes no valid number")
    func remainderTen() {
        // 0*10 + ... + 6*2 = 12 → 11 - 1 = 10.
        #expect(NHSNumber.checkDigit([0, 0, 0, 0, 0, 0, 0, 0, 6]) == nil)
        #expect(NHSNumber.checkDigit([9, 4, 3, 4, 7, 6, 5, 9, 1]) == 9)
    }
}

/// A 10-digit NHS number whose last digit is the modulus-11 check digit of the first nine.
package struct NHSNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The number as typed, or (after validation) its 10 digits without spaces.
    package let text: String

    /// Holds the text as typed; `validated()` checks it.
    package init(_ text: String) {
        self.text = text
    }

    package init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The digits, grouped 3-3-4 as printed on NHS cards.
    package var description: String {
        let d = Array(text)
        guard d.count == 10 else { return text }
        return String(d[0..<3]) + " " + String(d[3..<6]) + " " + String(d[6..<10])
    }

    /// The number as 10 digits (spaces and hyphens removed), or a refusal naming the field and value.
    package func validated() throws(DomainError) -> NHSNumber {
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DomainError(
                code: "notification.nhsNumberMalformed",
                "The NHS number (\(text)) must have 10 digits.")
        }
        let values = digits.map { Int(String($0))! }
        guard let check = NHSNumber.checkDigit(Array(values[0..<9])), check == values[9] else {
            throw DomainError(
                code: "notification.nhsNumberCheckDigit",
                "The NHS number (\(text)) is not valid: its check digit does not match. Please check it was typed correctly."
            )
        }
        return NHSNumber(digits)
    }

    /// The modulus-11 check digit of nine digits, or nil when the remainder makes no valid number.
    package static func checkDigit(_ nine: [Int]) -> Int? {
        let sum = zip(nine, (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }
}

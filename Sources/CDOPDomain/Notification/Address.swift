import Foundation

/// A home address: free lines and a UK postcode (either may be unknown, e.g. no fixed abode).
package struct Address: Hashable, Sendable, Codable {
    package var lines: [String]
    package var postcode: String?

    package init(lines: [String], postcode: String?) {
        self.lines = lines
        self.postcode = postcode
    }

    /// The address with trimmed lines and an upper-case, single-spaced postcode, or a refusal when the
    /// postcode is not a UK postcode.
    package func validated() throws(DomainError) -> Address {
        let cleanLines = lines.compactMap(TextField.optional)
        guard let typed = TextField.optional(postcode) else { return Address(lines: cleanLines, postcode: nil) }
        guard let normalised = Address.normalisedPostcode(typed) else {
            throw DomainError(
                code: "notification.postcodeInvalid",
                "The postcode (\(typed)) is not a UK postcode (for example \"AB1 2CD\").")
        }
        return Address(lines: cleanLines, postcode: normalised)
    }

    /// "sw1a1aa" → "SW1A 1AA"; nil when the shape is not a UK postcode.
    package static func normalisedPostcode(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let inward = Array(compact.suffix(3))
        let outward = Array(compact.dropLast(3))
        guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter,
            outward.first?.isLetter == true, outward.contains(where: \.isNumber),
            outward.count >= 2, outward.count <= 4
        else { return nil }
        return String(outward) + " " + String(inward)
    }
}

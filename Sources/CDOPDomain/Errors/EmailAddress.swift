import Foundation

/// Checks an email address's shape (one "@", a local part, a dotted domain, no spaces) before mail is sent.
package enum EmailAddress {
    /// The address trimmed and with a lowercase domain, or a refusal naming the field.
    package static func validated(_ text: String, field: String) throws(DomainError) -> String {
        let trimmed = text.trimmingWhiteSpace()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            !trimmed.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }),
            isDomain(parts[1])
        else { throw DomainError.invalidEmail(field: field, text: trimmed) }
        return parts[0] + "@" + parts[1].lowercased()
    }

    /// A dotted domain whose labels are letters, digits and inner hyphens.
    static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }
}

import Foundation

/// Checks on free-text fields typed into forms.
package enum TextField {
    /// The text without surrounding white space, refused with `code` when nothing is left.
    package static func required(_ text: String, field: String, code: String) throws(DomainError) -> String {
        let trimmed = text.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { throw DomainError.missing(field, code: code) }
        return trimmed
    }

    /// The text trimmed, or nil when empty or absent.
    package static func optional(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingWhiteSpace(), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}

import Foundation

/// A Message-ID (RFC 5322 section 3.6.4) without its angle brackets: `left@right`.
///
/// cdop derives it from the id of the event that asked for the mail, so that a resend after a crash carries
/// the same id, lands in the same spool file and is recognisable to the receiving side.
package struct MessageID: Sendable, Hashable, CustomStringConvertible {
    package let value: String

    package init(_ value: String) throws(MessageIDError) {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard value.utf8.count <= 250, parts.count == 2, Self.isDotAtomText(parts[0]), Self.isDotAtomText(parts[1])
        else { throw MessageIDError(value: value) }
        self.value = value
    }

    /// `<event-uuid-lowercased>@domain`: the id of the mail an event asked for.
    package init(eventID: UUID, domain: String) throws(MessageIDError) {
        try self.init("\(eventID.uuidString.lowercased())@\(domain)")
    }

    /// The header form, in angle brackets.
    package var bracketed: String { "<\(value)>" }

    package var description: String { bracketed }

    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8)

    private static func isDotAtomText(_ text: Substring) -> Bool {
        !text.isEmpty && !text.hasPrefix(".") && !text.hasSuffix(".") && !text.contains("..")
            && text.utf8.allSatisfy { atext.contains($0) }
    }
}

/// A text that cannot be a Message-ID.
package struct MessageIDError: Error, Sendable, Equatable, CustomStringConvertible {
    package let value: String
    package var description: String {
        "\"\(value)\" is not a valid Message-ID: it must be left@right of letters, digits and !#$%&'*+-/=?^_`{|}~."
    }
}

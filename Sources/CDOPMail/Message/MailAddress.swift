/// A mailbox: an ASCII addr-spec (`local@domain`) and an optional display name in any script.
///
/// Addresses are validated when made, so that a header or an SMTP envelope can never carry a line break,
/// an angle bracket or a space smuggled in through an address.
package struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The addr-spec, `local@domain`, as used in the SMTP envelope.
    package let address: String
    /// The name shown beside the address (for example "Siobhán Ní Bhriain"); `nil` when there is none.
    package let displayName: String?

    package init(_ address: String, displayName: String? = nil) throws(MailAddressError) {
        try Self.validate(address: address)
        self.address = address
        let trimmed = displayName?.trimmingWhitespace()
        if let trimmed, trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .displayNameHasControlCharacter(address: address)
        }
        self.displayName = (trimmed?.isEmpty ?? true) ? nil : trimmed
    }

    /// Reads `Name <local@domain>` or a bare `local@domain`.
    package init(parsing text: String) throws(MailAddressError) {
        let text = text.trimmingWhitespace()
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            var name = text[..<open].trimmingWhitespace()
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            try self.init(address, displayName: name)
        } else {
            try self.init(text)
        }
    }

    package var description: String {
        if let displayName { "\(displayName) <\(address)>" } else { address }
    }

    private static let localCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8)

    private static func validate(address: String) throws(MailAddressError) {
        guard !address.isEmpty else { throw .empty }
        guard address.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { throw .notPlainASCII(address) }
        guard let at = address.lastIndex(of: "@") else { throw .missingAt(address) }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, local.utf8.allSatisfy({ localCharacters.contains($0) }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { throw .invalidLocalPart(address) }
        guard isHostName(domain) else { throw .invalidDomain(address) }
    }

    /// A DNS host name: dot-separated labels of letters, digits and hyphens, not starting or ending in a hyphen.
    static func isHostName(_ domain: Substring) -> Bool {
        guard !domain.isEmpty, domain.utf8.count <= 253 else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") }
        }
    }
}

/// Why a text is not an address cdop can send to.
package enum MailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case missingAt(String)
    case notPlainASCII(String)
    case invalidLocalPart(String)
    case invalidDomain(String)
    case displayNameHasControlCharacter(address: String)

    package var description: String {
        switch self {
        case .empty: "the address is empty"
        case .missingAt(let a): "\"\(a)\" is not an email address: it has no @"
        case .notPlainASCII(let a):
            "\"\(a)\" is not an address cdop can send to: only plain ASCII without spaces is accepted"
        case .invalidLocalPart(let a): "\"\(a)\" has an invalid part before the @"
        case .invalidDomain(let a): "\"\(a)\" has an invalid domain after the @"
        case .displayNameHasControlCharacter(let a):
            "the name shown for \(a) contains a line break or control character"
        }
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}

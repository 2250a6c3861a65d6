/// Writes header fields: folds them at whitespace to lines of at most 78 characters where the content allows,
/// and never beyond 998 octets (RFC 5322 section 2.1.1).
enum HeaderField {
    static let preferredLineLength = 78

    /// `Name: token token ...` folded between tokens. Tokens never contain whitespace at their ends.
    static func fold(name: String, tokens: [String]) -> [String] {
        var lines: [String] = []
        var line = "\(name):"
        var lineIsOnlyName = true
        for token in tokens {
            if !lineIsOnlyName, line.utf8.count + 1 + token.utf8.count > preferredLineLength {
                lines.append(line)
                line = " \(token)"
            } else {
                line += " \(token)"
            }
            lineIsOnlyName = false
        }
        lines.append(line)
        return lines
    }

    /// An unstructured field (Subject): plain words when the text is short-worded ASCII, otherwise
    /// encoded-words carrying the whole text (spaces included).
    static func unstructured(name: String, value: String) -> [String] {
        fold(name: name, tokens: unstructuredTokens(value))
    }

    static func unstructuredTokens(_ value: String) -> [String] {
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let plain =
            value.utf8.allSatisfy { $0 >= 33 && $0 <= 126 || $0 == 32 }
            && !value.contains("=?") && !value.hasPrefix(" ") && !value.hasSuffix(" ") && !value.contains("  ")
            && words.allSatisfy { $0.utf8.count <= 60 }
        return plain ? words.map(String.init) : EncodedWord.words(for: value)
    }

    /// An address-list field (From, To, Cc, Reply-To).
    static func addresses(name: String, _ mailboxes: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxTokens = displayNameTokens(mailbox.displayName)
            mailboxTokens.append(mailboxTokens.isEmpty ? mailbox.address : "<\(mailbox.address)>")
            if index < mailboxes.count - 1 { mailboxTokens[mailboxTokens.count - 1] += "," }
            tokens += mailboxTokens
        }
        return fold(name: name, tokens: tokens)
    }

    private static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)

    /// A display name as a phrase: atoms when it is simple ASCII, a quoted string when it holds specials,
    /// encoded-words when it holds anything else (non-ASCII letters such as ë, Ł, á) or is long.
    static func displayNameTokens(_ name: String?) -> [String] {
        guard let name, !name.isEmpty else { return [] }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let isPrintableASCII = name.utf8.allSatisfy { $0 >= 32 && $0 <= 126 }
        guard isPrintableASCII, name.utf8.count <= 60, !name.contains("=?"), !name.contains("  ") else {
            return EncodedWord.words(for: name)
        }
        if words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { atext.contains($0) } }) {
            return words.map(String.init)
        }
        let escaped = name.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"")
        return ["\"\(escaped)\""]
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

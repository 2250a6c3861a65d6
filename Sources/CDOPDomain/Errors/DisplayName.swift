/// A person's name as it is shown beside their address in an email (To, From, Reply-To) and in a calendar
/// invitation: no control character (a line break would end the header) and none of `"` `<` `>` `@` (which
/// would make the name read as another address, `"x" <y>, z`). Such a name could never be mailed, so it is
/// refused where it is typed, not found later as an undelivered email. "Siobhán Ní Bhriain", "O'Brien",
/// "Smith-Jones" and "Dr A. Khan" are names.
package enum DisplayName {
    /// The characters a name may not hold, besides control characters.
    package static let forbidden: Set<Unicode.Scalar> = ["\"", "<", ">", "@"]

    /// The name trimmed; refused with `missingCode` when empty, and with `input.invalidName` when it cannot be
    /// mailed, naming `field` ("invitee's name").
    package static func validated(_ text: String, field: String, missingCode: String) throws(DomainError) -> String {
        let name = try TextField.required(text, field: field, code: missingCode)
        try check(name, field: field)
        return name
    }

    /// Refuses a name that cannot be shown in an email header, naming `field`.
    package static func check(_ name: String, field: String) throws(DomainError) {
        guard let reason = problem(in: name) else { return }
        let shown = String(String.UnicodeScalarView(name.unicodeScalars.map { isControl($0) ? " " : $0 }))
        throw DomainError(
            code: "input.invalidName",
            "The \(field) (\(shown)) \(reason); enter the person's name only, for example Siobhán Ní Bhriain.")
    }

    /// What makes `name` unusable in an email header, as a phrase; nil when it is usable.
    package static func problem(in name: String) -> String? {
        if name.unicodeScalars.contains(where: isControl) { return "contains a line break or a control character" }
        let found = name.unicodeScalars.filter(forbidden.contains)
        guard let first = found.first else { return nil }
        return
            "contains \(first == "\"" ? "a quotation mark" : "the character \(first)"), which a name in an email cannot hold"
    }

    /// A control character (CR, LF, tab, …) or a Unicode line or paragraph separator.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        [.control, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
    }
}

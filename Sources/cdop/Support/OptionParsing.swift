import ArgumentParser
import CDOPDomain
import Foundation

/// Turns option text into domain values, refusing with a message that names the option and shows the value.
///
/// Commands call these from `validate()` (so a bad value is refused before the database is opened) and again
/// from `run()` to get the value; both are cheap.
enum OptionParsing {
    /// A day written YYYY-MM-DD.
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("\(option): \"\(text)\" is not a date; write YYYY-MM-DD.")
        }
        return date
    }

    /// An instant written in ISO 8601 with its offset, e.g. 2026-11-18T14:00:00Z or 2026-11-18T14:00:00+00:00.
    static func instant(_ text: String, option: String) throws -> Date {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        // Accept minutes without seconds ("2026-11-18T14:00Z"), as people type them.
        let chars = Array(trimmed)
        if chars.count >= 17, chars[10] == "T", chars[13] == ":", ["Z", "+", "-"].contains(chars[16]) {
            trimmed = String(chars[0..<16]) + ":00" + String(chars[16...])
        }
        guard let instant = Timestamp.parse(trimmed) else {
            throw ValidationError(
                "\(option): \"\(text)\" is not a date and time with its offset; write e.g. 2026-11-18T14:00:00Z "
                    + "or 2026-11-18T14:00:00+01:00.")
        }
        return instant
    }

    /// One of an enumeration's raw values (compared without case), listing the allowed values when wrong.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let exact = T(rawValue: trimmed) { return exact }
        if let match = T.allCases.first(where: { $0.rawValue.lowercased() == trimmed.lowercased() }) { return match }
        throw ValidationError("\(option): \"\(text)\" is not one of \(values(T.self)).")
    }

    /// The raw values of an enumeration, for help texts and errors.
    static func values<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// Text required to be non-empty.
    static func text(_ text: String, option: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("\(option) must not be empty.") }
        return trimmed
    }

    /// Text given inline, or read from a file when written @FILE.
    static func textOrFile(_ text: String, option: String) throws -> String {
        guard text.hasPrefix("@") else { return text }
        let path = String(text.dropFirst())
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(option): cannot read the file \(path).")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// "Name <email>" → (name, email); the email is checked for its shape.
    static func nameAndEmail(_ text: String, option: String) throws -> (name: String, email: String, rest: String) {
        guard let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") else {
            throw ValidationError("\(option): \"\(text)\" should be written \"Name <email>\".")
        }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let rawEmail = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ValidationError("\(option): \"\(text)\" has no name before <email>.") }
        do {
            let email = try EmailAddress.validated(rawEmail, field: "email")
            return (name, email, rest)
        } catch {
            throw ValidationError("\(option): \"\(rawEmail)\" is not a valid email address.")
        }
    }

    /// An agency contact, "Name <email>" optionally followed by a role.
    static func contact(_ text: String, option: String, isLead: Bool) throws -> AgencyContact {
        let (name, email, rest) = try nameAndEmail(text, option: option)
        return AgencyContact(name: name, role: rest.isEmpty ? nil : rest, email: email, isLead: isLead)
    }

    /// A meeting invitee, "Name <email> role" (role one of InviteeRole; "other" when omitted).
    /// Every `--invitee`, parsed, refusing the same address twice.
    static func invitees(_ texts: [String], option: String) throws -> [Invitee] {
        var emails: Set<String> = []
        return try texts.map { text in
            let person = try invitee(text, option: option)
            guard emails.insert(person.email.lowercased()).inserted else {
                throw ValidationError("\(option): \(person.email) is given twice.")
            }
            return person
        }
    }

    static func invitee(_ text: String, option: String) throws -> Invitee {
        let (name, email, rest) = try nameAndEmail(text, option: option)
        let role: InviteeRole = rest.isEmpty ? .other : try choice(rest, option: "\(option) role")
        return Invitee(name: name, email: email, role: role)
    }

    /// "ID@VERSION", e.g. "reporting@1".
    static func definition(_ text: String, option: String) throws -> FormDefinitionReference {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty, let version = Int(parts[1]),
            version >= 1
        else {
            throw ValidationError("\(option): \"\(text)\" should be a form definition id and version, e.g. reporting@1.")
        }
        return FormDefinitionReference(id: parts[0].trimmingCharacters(in: .whitespaces), version: version)
    }
}

import ArgumentParser
import CDOPDomain
import CDOPProjections
import Foundation

// The domain's values as command-line arguments. Each is parsed once, while the command line is read (before any
// database is opened); a value that is not one is refused by ArgumentParser in the words "The value 'X' is invalid
// for '--option <name>'", followed by why and the form expected.

/// An enumeration named by its raw value, in any case; anything else is refused with the list of values.
package protocol ChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceArgument {
    package init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard
            let value = Self(rawValue: text)
                ?? Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() })
        else { return nil }
        self = value
    }

    /// The raw values, for help texts.
    package static var valueList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension AgencyKind: ChoiceArgument {}
extension NationalReturnQueueState: ChoiceArgument {}
extension EscalationLevel: ChoiceArgument {}
extension ExternalProcess: ChoiceArgument {}
extension FactorDomain: ChoiceArgument {}
extension FormType: ChoiceArgument {}
extension InviteeRole: ChoiceArgument {}
extension JARTrigger: ChoiceArgument {}
extension MeetingType: ChoiceArgument {}
extension ModifiableFactorsOutcome: ChoiceArgument {}
extension OutOfScopeReason: ChoiceArgument {}
extension ReminderKind: ChoiceArgument {}
extension StaffRole: ChoiceArgument {}

/// The parsers of values that have a form to explain, for `@Option(transform:)`: each throws a `ValidationError`
/// saying why the text is not a value and how to write one.
enum Parse {
    /// Text that is not empty (kept as given).
    static func nonEmpty(_ text: String) throws -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("must not be empty.")
        }
        return text
    }

    /// A day written YYYY-MM-DD.
    static func day(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("not a date; write YYYY-MM-DD.")
        }
        return date
    }

    /// An instant written in ISO 8601 with its offset, e.g. 2026-11-18T14:00:00Z or 2026-11-18T14:00:00+00:00;
    /// minutes without seconds ("2026-11-18T14:00Z") are accepted, as people type them.
    static func instant(_ text: String) throws -> Date {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        let chars = Array(trimmed)
        if chars.count >= 17, chars[10] == "T", chars[13] == ":", ["Z", "+", "-"].contains(chars[16]) {
            trimmed = String(chars[0..<16]) + ":00" + String(chars[16...])
        }
        guard let instant = Timestamp.parse(trimmed) else {
            throw ValidationError(
                "not a date and time with its offset; write e.g. 2026-11-18T14:00:00Z or 2026-11-18T14:00:00+01:00.")
        }
        return instant
    }

    /// A meeting invitee, "Name <email> role" (role one of `InviteeRole`; "other" when omitted).
    static func invitee(_ text: String) throws -> Invitee {
        let (name, email, rest) = try nameAndEmail(text)
        guard !rest.isEmpty else { return Invitee(name: name, email: email, role: .other) }
        guard let role = InviteeRole(argument: rest) else {
            throw ValidationError("the role \"\(rest)\" is not one of \(InviteeRole.valueList).")
        }
        return Invitee(name: name, email: email, role: role)
    }

    /// An agency's lead contact, "Name <email>" optionally followed by a role.
    static func lead(_ text: String) throws -> AgencyContact { try contact(text, isLead: true) }

    /// An agency's other contact, "Name <email>" optionally followed by a role.
    static func contact(_ text: String) throws -> AgencyContact { try contact(text, isLead: false) }

    private static func contact(_ text: String, isLead: Bool) throws -> AgencyContact {
        let (name, email, rest) = try nameAndEmail(text)
        return AgencyContact(name: name, role: rest.isEmpty ? nil : rest, email: email, isLead: isLead)
    }

    /// A form definition, "ID@VERSION", e.g. "reporting@1".
    static func definition(_ text: String) throws -> FormDefinitionReference {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty, let version = Int(parts[1]),
            version >= 1
        else {
            throw ValidationError("not a form definition id and version; write e.g. reporting@1.")
        }
        return FormDefinitionReference(id: parts[0].trimmingCharacters(in: .whitespaces), version: version)
    }

    /// Text given inline, or read from a file when written @FILE.
    static func textOrFile(_ text: String) throws -> String {
        guard text.hasPrefix("@") else { return text }
        let path = String(text.dropFirst())
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the file \(path).")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// "Name <email>" → (name, email, what follows); the email is checked for its shape.
    private static func nameAndEmail(_ text: String) throws -> (name: String, email: String, rest: String) {
        guard let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") else {
            throw ValidationError("not a contact; write \"Name <email>\".")
        }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let rawEmail = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ValidationError("there is no name before <email>.") }
        do {
            let email = try EmailAddress.validated(rawEmail, field: "email")
            return (name, email, rest)
        } catch {
            throw ValidationError("\"\(rawEmail)\" is not a valid email address.")
        }
    }
}

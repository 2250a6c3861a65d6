import Foundation

/// A value an email template may show, written `{{caseReference}}` in the template. A closed set: email is
/// not a secure channel, so there is no placeholder for a child's name, date of birth or NHS number, and a
/// template naming anything else is refused when the definitions are loaded.
package enum EmailPlaceholder: String, Hashable, Sendable, CaseIterable {
    /// The panel's case reference, e.g. "CDOP-2026-0042" (the only way an email names a case).
    case caseReference
    /// The agency asked for a form, e.g. "Riverside Medical Practice".
    case agencyName
    /// The person addressed at that agency.
    case contactName
    /// The form asked for, e.g. "Reporting form (Form B)".
    case formName
    /// The day the form is due, e.g. "Friday 15 May 2026".
    case dueDate
    /// The practitioner's personal link to the form (or, for the coordinator, to the case).
    case link
    /// When that link stops working.
    case linkExpires
    /// The panel's name, e.g. "Northshire Child Death Overview Panel".
    case panelName
    case coordinatorName
    case coordinatorEmail
    /// Which reminder this is: "1", "2", …
    case reminderNumber
    /// Whole days since the due date.
    case daysOverdue
    /// A meeting's title, or the target a reminder is about ("the joint agency response meeting").
    case meetingTitle
    /// When the meeting starts, in England's time, e.g. "Wednesday 6 May 2026, 14:00".
    case meetingStart
    case meetingPlace
    /// Whom the email is addressed to by role, e.g. "designated doctor".
    case recipientRole
    /// Why an email could not be delivered, as the mail server said.
    case failureReason
    /// The username of the staff account an email to its own owner is about, e.g. "casey.coordinator".
    case username
    /// The reporting year a reminder before the national return is about, e.g. "2025-26".
    case reportingYear
    /// The day that year's national return is due, e.g. "31 March 2027".
    case returnDeadline
    /// How many of the year's cases are not ready for the national return, e.g. "3".
    case notReadyCount
    /// Each case not ready, a line per case: its reference and what it lacks (never the child's name).
    case notReadyCases
    /// How many cases each kind of reason holds back, a line per reason.
    case notReadyByReason
}

extension EmailPlaceholder {
    /// The placeholders only a reminder before the national return gives: it is about a year, not one case.
    package static let aboutAYearsReturn: Set<EmailPlaceholder> = [
        .reportingYear, .returnDeadline, .notReadyCount, .notReadyCases, .notReadyByReason,
    ]
    /// The placeholders whose values are several lines: body only.
    package static let manyLines: Set<EmailPlaceholder> = [.notReadyCases, .notReadyByReason]
}

/// An email's subject and body with `{{placeholder}}` slots, from a file in `Workflows/emails/`:
///
/// ```text
/// Subject: Form B needed for case {{caseReference}} by {{dueDate}}
///
/// Dear {{contactName}},
/// …
/// ```
package struct EmailTemplate: Hashable, Sendable {
    /// The file's name without `.txt`, e.g. "reminder".
    package var name: String
    package var subject: String
    package var body: String
    /// Every placeholder the subject or body uses.
    package var placeholders: Set<EmailPlaceholder>

    /// Why an email could not be filled in.
    package enum RenderError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The template uses these placeholders but no value was given for them.
        case missingValues(template: String, placeholders: [String])
        /// A value going into the subject has a line break, which would break the mail header.
        case lineBreakInSubject(template: String, placeholder: String)

        package var description: String {
            switch self {
            case .missingValues(let template, let names):
                "The email template '\(template)' needs a value for: "
                    + names.map { "{{\($0)}}" }.joined(separator: ", ")
            case .lineBreakInSubject(let template, let name):
                "The value of {{\(name)}} in the subject of email template '\(template)' has a line break"
            }
        }
    }

    /// The email's subject and body with every placeholder filled; refuses a missing value rather than send
    /// an email with a gap in it.
    package func render(values: [String: String]) throws(RenderError) -> (subject: String, body: String) {
        let missing = placeholders.map(\.rawValue).filter { values[$0] == nil }.sorted()
        guard missing.isEmpty else { throw .missingValues(template: name, placeholders: missing) }
        for piece in Self.pieces(subject) {
            if case .placeholder(let key, _) = piece, let value = values[key], value.contains(where: \.isNewline) {
                throw .lineBreakInSubject(template: name, placeholder: key)
            }
        }
        return (Self.fill(subject, values), Self.fill(body, values))
    }

    /// The same with typed keys.
    package func render(_ values: [EmailPlaceholder: String]) throws(RenderError) -> (subject: String, body: String) {
        try render(values: Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
    }

    private static func fill(_ text: String, _ values: [String: String]) -> String {
        pieces(text).map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let key, _): values[key] ?? ""
            case .unclosed(let text): text
            }
        }.joined()
    }

    enum Piece: Equatable {
        case text(String)
        /// `{{ name }}`: the trimmed name, and where it starts in its line (for problems).
        case placeholder(String, String.Index)
        /// `{{` with no `}}` after it on the line.
        case unclosed(String)
    }

    /// Splits text into plain text and `{{name}}` slots (a slot never spans lines).
    static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            pieces.append(.text(String(rest[..<open.lowerBound])))
            let afterOpen = rest[open.upperBound...]
            let lineEnd = afterOpen.firstIndex(where: \.isNewline) ?? afterOpen.endIndex
            guard let close = afterOpen[..<lineEnd].range(of: "}}") else {
                pieces.append(.unclosed("{{"))
                rest = afterOpen
                continue
            }
            let key = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            pieces.append(.placeholder(key, open.lowerBound))
            rest = afterOpen[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        return pieces.filter { $0 != .text("") }
    }
}

extension EmailTemplate {
    /// Whether the email is about a member of staff's own account (it names no case; only it gives `username`).
    package var isAboutAnAccount: Bool { EmailTemplateFile.aboutAnAccount.contains(name) }

    /// Whether the email is a reminder before a year's national return is due (its name starts with
    /// "national-return-"): it names the year and its cases not ready, not one case.
    package var isAboutAYearsReturn: Bool { EmailTemplateFile.isAboutAYearsReturn(name) }
}

/// Reads `Workflows/emails/<name>.txt`: a `Subject:` first line, then the body.
enum EmailTemplateFile {
    /// The templates the mail layer fills, so each must exist.
    static let required = [
        "request", "reminder", "final-reminder", "escalation", "meeting-invitation", "delivery-failure",
        "sign-in-held-back", "ncmd-delivery-failure",
    ]
    /// Templates a practitioner acts on, so each must carry their link.
    static let needLink: Set<String> = ["request", "reminder", "final-reminder"]
    /// Templates about a member of staff's own account, not a case: they name no case, and only they may give
    /// the account's `{{username}}`.
    static let aboutAnAccount: Set<String> = ["sign-in-held-back"]
    /// Templates about a year's national return, not a case: named "national-return-…"; they name the year's
    /// cases not ready (by reference) and never one case alone.
    static func isAboutAYearsReturn(_ name: String) -> Bool { name.hasPrefix("national-return-") }

    static func load(_ raw: String, name: String, file: String, log: inout ProblemLog) -> EmailTemplate? {
        let before = log.problems.count
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstLine = lines.first ?? ""
        var subject = ""
        if firstLine.lowercased().hasPrefix("subject:") {
            subject = firstLine.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
            if subject.isEmpty { log.add(file, "subject", line: 1, "the subject is empty") }
        } else {
            log.add(
                file, "subject", line: 1,
                "the first line must be the subject, as in 'Subject: Form B needed for case {{caseReference}}'")
        }
        lines.removeFirst(min(1, lines.count))
        var firstBodyLine = 2
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.removeFirst()
            firstBodyLine += 1
        }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        let body = lines.joined(separator: "\n") + "\n"
        if lines.isEmpty {
            log.add(file, "body", line: nil, "the body is empty: write the email below the subject line")
        }

        var used: Set<EmailPlaceholder> = []
        let known = EmailPlaceholder.allCases.map(\.rawValue)
        func check(_ line: String, keyPath: String, number: Int) {
            for piece in EmailTemplate.pieces(line) {
                switch piece {
                case .text: break
                case .unclosed:
                    log.add(file, keyPath, line: number, "'{{' is not closed by '}}' on the same line")
                case .placeholder(let key, _):
                    if let placeholder = EmailPlaceholder(rawValue: key) {
                        used.insert(placeholder)
                        if keyPath == "subject", EmailPlaceholder.manyLines.contains(placeholder) {
                            log.add(
                                file, keyPath, line: number,
                                "{{\(key)}} gives several lines, which a subject cannot hold: put it in the body")
                        }
                    } else {
                        log.add(
                            file, keyPath, line: number,
                            "unknown placeholder {{\(key)}}"
                                + YAMLReader.suggestion(key, among: known) + ". Emails may use only: "
                                + known.joined(separator: ", ")
                                + ". There is none for the child's name, date of birth or NHS number: email is not a secure channel."
                        )
                    }
                }
            }
        }
        if !subject.isEmpty { check(firstLine, keyPath: "subject", number: 1) }
        for (offset, line) in lines.enumerated() { check(line, keyPath: "body", number: firstBodyLine + offset) }

        let yearsReturnUsed = used.intersection(EmailPlaceholder.aboutAYearsReturn)
        if aboutAnAccount.contains(name) || isAboutAYearsReturn(name) {
            if used.contains(.caseReference) {
                log.add(
                    file, "", line: nil,
                    aboutAnAccount.contains(name)
                        ? "the email gives {{caseReference}}, but it is about a staff account: it must name no case"
                        : "the email gives {{caseReference}}, but it is about a year's national return: it names the year's cases with {{notReadyCases}}"
                )
            }
        } else if !used.contains(.caseReference) {
            log.add(
                file, "", line: nil,
                "the email never gives {{caseReference}}: the reader must know which case it is about")
        }
        if used.contains(.username), !aboutAnAccount.contains(name) {
            log.add(
                file, "", line: nil,
                "the email gives {{username}}, which only an email to a staff account's own owner may give")
        }
        if isAboutAYearsReturn(name) {
            if !used.contains(.notReadyCases) {
                log.add(
                    file, "body", line: nil,
                    "the email never gives {{notReadyCases}}: a reminder before the national return names the cases not ready"
                )
            }
        } else if !yearsReturnUsed.isEmpty {
            log.add(
                file, "", line: nil,
                "the email gives "
                    + yearsReturnUsed.map { "{{\($0.rawValue)}}" }.sorted().joined(separator: ", ")
                    + ", which only a reminder before the national return (a template named national-return-…) may give"
            )
        }
        if needLink.contains(name), !used.contains(.link) {
            log.add(
                file, "body", line: nil, "the email never gives {{link}}: the practitioner needs it to open the form")
        }
        guard log.problems.count == before else { return nil }
        return EmailTemplate(name: name, subject: subject, body: body, placeholders: used)
    }
}

extension EmailTemplate {
    /// A template from its text (as in a `.txt` file), checked as the loader checks it; for tests and tools.
    package static func parse(_ text: String, name: String) -> Result<EmailTemplate, DefinitionProblems> {
        var log = ProblemLog()
        let file = "\(DefinitionSet.emailsFolder)/\(name).txt"
        guard let template = EmailTemplateFile.load(text, name: name, file: file, log: &log) else {
            return .failure(DefinitionProblems(log.problems))
        }
        return .success(template)
    }
}

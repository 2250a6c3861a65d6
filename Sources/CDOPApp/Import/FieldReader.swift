import CDOPDomain
import Foundation

/// Reads the fields of one import row, collecting a problem per bad column instead of stopping at the first.
struct FieldReader {
    let fields: [String: String]
    let line: Int
    var problems: [ImportProblem] = []

    init(fields: [String: String], line: Int) {
        self.fields = fields
        self.line = line
    }

    mutating func problem(_ column: String, _ message: String) {
        problems.append(ImportProblem(row: line, column: column, message))
    }

    /// The trimmed text, nil when blank.
    func optional(_ column: String) -> String? {
        let text = (fields[column] ?? "").trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    mutating func required(_ column: String) -> String {
        guard let text = optional(column) else {
            problem(column, "is empty; it is required.")
            return ""
        }
        return text
    }

    mutating func date(_ column: String, required: Bool) -> CalendarDate? {
        guard let text = optional(column) else {
            if required { problem(column, "is empty; give a date as YYYY-MM-DD.") }
            return nil
        }
        guard let date = CalendarDate(iso: text) else {
            problem(column, "\"\(text)\" is not a date; write YYYY-MM-DD.")
            return nil
        }
        return date
    }

    /// One of an enumeration's values, matched on its name or its words without case, spaces or punctuation.
    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ column: String, _ type: T.Type, required: Bool, allowed: [T]? = nil
    ) -> T? where T.RawValue == String {
        guard let text = optional(column) else {
            if required { problem(column, "is empty; it is required.") }
            return nil
        }
        let choices = allowed ?? Array(T.allCases)
        let folded = Self.folded(text)
        if let match = choices.first(where: { Self.folded($0.rawValue) == folded }) { return match }
        problem(column, "\"\(text)\" is not one of: \(choices.map(\.rawValue).joined(separator: ", ")).")
        return nil
    }

    static func folded(_ text: String) -> String {
        // ASCII (almost every value) byte by byte: Character's Unicode properties cost a tenth of reading a file.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().filter { $0.isLetter || $0.isNumber }
        }
        return String(
            decoding: text.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                default: nil
                }
            }, as: UTF8.self)
    }

    /// The panel's review, when the row says the case was reviewed.
    mutating func review(died: CalendarDate?, legacyScaleUntil: CalendarDate) -> PanelOutcomeInput? {
        let reviewed = date("reviewed_on", required: false)
        let category = optional("category")
        let outcomeText = optional("outcome")
        let preventability = legacyPreventability(reviewed: reviewed, until: legacyScaleUntil)
        let themes = (optional("learning_themes") ?? "").split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let reviewed else {
            for column in ["category", "outcome", "modifiable_factors", "preventability", "learning_themes"]
            where optional(column) != nil {
                problem(column, "is given but reviewed_on is empty; give the day of the panel's review.")
            }
            return nil
        }
        var rank: Int?
        if let category {
            if let number = Int(category), (1...10).contains(number) {
                rank = number
            } else {
                problem("category", "\"\(category)\" is not a category of death (a number from 1 to 10).")
            }
        } else {
            problem("category", "is empty; a reviewed case needs its category of death (1 to 10).")
        }
        // A review on the older preventability scale needs no modifiable-factors outcome: none is invented.
        let outcome = preventability != nil && outcomeText == nil ? nil : self.outcome(outcomeText)
        let factors = modifiableFactors()
        if outcome == .modifiableFactorsIdentified, factors.isEmpty, optional("modifiable_factors") == nil {
            problem(
                "modifiable_factors",
                "is empty, but the outcome is modifiable; name the factor(s) as \"domain: description\".")
        }
        guard let rank, outcome != nil || preventability != nil else { return nil }
        return PanelOutcomeInput(
            categories: [rank], factors: outcome == .modifiableFactorsIdentified ? factors : [], outcome: outcome,
            legacyPreventability: preventability,
            learningPoints: themes.map {
                LearningPoint(theme: $0, text: "Recorded as a theme in the historic record.")
            },
            reviewedOn: reviewed)
    }

    mutating func outcome(_ text: String?) -> ModifiableFactorsOutcome? {
        guard let text else {
            problem(
                "outcome",
                "is empty; a reviewed case needs its outcome (modifiable, not modifiable or insufficient information).")
            return nil
        }
        switch Self.folded(text) {
        case "modifiable", "modifiablefactorsidentified": return .modifiableFactorsIdentified
        case "notmodifiable", "nomodifiablefactorsidentified", "nomodifiablefactors":
            return .noModifiableFactorsIdentified
        case "insufficientinformation": return .insufficientInformation
        default:
            problem("outcome", "\"\(text)\" is not one of: modifiable, not modifiable, insufficient information.")
            return nil
        }
    }

    mutating func modifiableFactors() -> [ContributoryFactor] {
        guard let text = optional("modifiable_factors") else { return [] }
        var factors: [ContributoryFactor] = []
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let domains: [String: FactorDomain] = [
                "child": .child, "social": .socialEnvironment, "physical": .physicalEnvironment,
                "service": .serviceProvision,
            ]
            guard pieces.count == 2, let domain = domains[pieces[0].lowercased()], !pieces[1].isEmpty else {
                problem(
                    "modifiable_factors",
                    "\"\(part.trimmingCharacters(in: .whitespaces))\" is not \"domain: description\" with a domain of child, social, physical or service."
                )
                continue
            }
            factors.append(
                ContributoryFactor(domain: domain, description: pieces[1], level: .mayHaveContributed, modifiable: true)
            )
        }
        return factors
    }

    /// The older preventability scale, for a review completed before the panel's cut-over (`until`).
    mutating func legacyPreventability(reviewed: CalendarDate?, until: CalendarDate) -> LegacyPreventability? {
        guard let value = choice("preventability", LegacyPreventability.self, required: false) else { return nil }
        if let reviewed, reviewed >= until {
            problem(
                "preventability",
                "applies only to reviews completed before \(DayFormatter.long(until)) (the panel's cut-over to the "
                    + "modifiable-factors outcome); this review was on \(DayFormatter.long(reviewed)).")
        }
        return value
    }
}

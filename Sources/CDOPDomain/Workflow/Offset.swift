import Foundation

/// How long after a schedule's start a step falls, always with its unit said explicitly ("10 calendar days",
/// "3 working days", "48 hours", "8 years"), because a panel reading the file must not have to guess.
package struct Offset: Hashable, Sendable, Codable, CustomStringConvertible {
    package enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        case calendarDays = "calendar-days"
        case workingDays = "working-days"
        case hours
        /// Whole years: the same day of the month that many years on (29 February falls on 28 February),
        /// for periods as long as a retention period.
        case years
    }

    package var amount: Int
    package var unit: Unit

    package init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses "10 calendar-days", "3 working-days", "48 hours" or "8 years" (also with a space instead of the dash,
    /// and "day" for one); nil for anything else, such as "10 days" (which kind of day?).
    package init?(text: String) {
        let parts = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count >= 2, let amount = Int(parts[0]), amount >= 0 else { return nil }
        var unitText = parts.dropFirst().joined(separator: "-")
        if unitText.hasSuffix("day") { unitText += "s" }
        if unitText == "hour" { unitText = "hours" }
        if unitText == "year" { unitText = "years" }
        guard let unit = Unit(rawValue: unitText) else { return nil }
        self.init(amount, unit)
    }

    package var description: String {
        "\(amount) \(amount == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)"
    }
}

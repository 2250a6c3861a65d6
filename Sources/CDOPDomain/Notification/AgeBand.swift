/// The national age bands of child death statistics: what the panel sees instead of a date of birth, and
/// what the annual report counts by.
package enum AgeBand: String, Hashable, Sendable, Codable, CaseIterable {
    case neonatal = "0-27 days"
    case postNeonatal = "28-364 days"
    case oneToFour = "1-4 years"
    case fiveToNine = "5-9 years"
    case tenToFourteen = "10-14 years"
    case fifteenToSeventeen = "15-17 years"

    /// The band of a child born on `born` who died on `died`.
    package init(born: CalendarDate, died: CalendarDate) {
        let days = AgeAtDeath.days(born: born, on: died)
        let years = AgeAtDeath.years(born: born, on: died)
        switch (days, years) {
        case (..<28, _): self = .neonatal
        case (_, 0): self = .postNeonatal
        case (_, 1...4): self = .oneToFour
        case (_, 5...9): self = .fiveToNine
        case (_, 10...14): self = .tenToFourteen
        default: self = .fifteenToSeventeen
        }
    }

    /// "0 to 27 days", as a table or a page says it.
    package var label: String {
        switch self {
        case .neonatal: "0 to 27 days"
        case .postNeonatal: "28 to 364 days"
        case .oneToFour: "1 to 4 years"
        case .fiveToNine: "5 to 9 years"
        case .tenToFourteen: "10 to 14 years"
        case .fifteenToSeventeen: "15 to 17 years"
        }
    }
}

import CDOPApp
import CDOPDomain
import Foundation

/// A synthetic historic import file (the columns of `cdop import`), the same for the same seed: deaths from
/// April 2015 to March 2026, about two in three reviewed at a monthly panel, every child distinct (no two rows
/// share an NHS number, or both dates), so the file imports cleanly. Every name is invented.
package enum SyntheticHistoricFile {
    package static let heading =
        "reference,surname,forenames,nhs_number,date_of_birth,sex,ethnicity,area_code,date_of_death,date_notified,expected,reviewed_on,category,outcome,modifiable_factors,preventability,learning_themes"

    /// `rows` rows after the heading, in the synthetic panel's areas.
    package static func csv(rows: Int, seed: UInt64 = 11, areas: [String] = AppConfiguration().panelAreas.map(\.code))
        -> String
    {
        var random = SeededRandom(seed: seed)
        var lines = [heading]
        var numbers: Set<String> = []
        var identities: Set<String> = []
        let first = CalendarDate(year: 2015, month: 4, day: 1)!
        let last = CalendarDate(year: 2026, month: 3, day: 31)!
        let span = first.days(until: last)
        let themes = ["safe sleep", "water safety", "referral", "neonatal care", "road safety", "information sharing"]
        let factors = [
            "service: Delay in referral", "physical: Unfenced pond", "social: Smoking in the home",
            "child: Known condition",
        ]
        lines.reserveCapacity(rows + 1)
        for index in 0..<rows {
            var forenames = ""
            var surname = ""
            var born = first
            var died = first
            repeat {
                forenames = random.pick(SyntheticPanel.forenames)
                surname =
                    random.pick(SyntheticPanel.surnames)
                    + (random.chance(0.5) ? "-\(random.pick(SyntheticPanel.surnames))" : "")
                died = first.adding(days: Int.random(in: 0...span, using: &random))
                born = died.adding(days: -Int.random(in: 0..<(17 * 365), using: &random))
            } while !identities.insert("\(born.iso)|\(died.iso)").inserted // no two rows even alike
            var nhs = ""
            if random.chance(0.8) {
                repeat { nhs = SyntheticPanel.nhsNumber(using: &random) } while !numbers.insert(nhs).inserted
            }
            let notified = died.adding(days: Int.random(in: 0...3, using: &random))
            let unexpected = random.chance(0.35)
            var review = ["", "", "", ""]
            let panelDay = died.adding(days: Int.random(in: 120...400, using: &random))
            let reviewedOn = CalendarDate(year: panelDay.year, month: panelDay.month, day: 10)!
            if random.chance(0.7), reviewedOn > notified, reviewedOn <= last {
                let outcome = random.pick(["modifiable", "not modifiable", "insufficient information"])
                review = [
                    reviewedOn.iso, "\(Int.random(in: 1...10, using: &random))", outcome,
                    outcome == "modifiable" ? "\"\(random.pick(factors))\"" : "",
                ]
            }
            let fields =
                [
                    "H-\(died.year)-\(String(format: "%05d", index + 1))", surname, forenames, nhs, born.iso,
                    random.pick(["male", "female", "male", "female", "not known"]),
                    random.pick(["White British", "Asian Pakistani", "Not stated", ""]),
                    random.pick(areas), died.iso, notified.iso, unexpected ? "unexpected" : "expected",
                ] + review + ["", review[0].isEmpty ? "" : random.pick(themes)]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

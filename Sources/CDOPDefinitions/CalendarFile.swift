import CDOPDomain
import Foundation
import Yams

/// A bank-holiday calendar file, e.g. `Workflows/calendars/england-and-wales.yaml`:
///
/// ```yaml
/// name: england-and-wales
/// years: {from: 2018, to: 2030}
/// holidays:
///   2018:
///     - {date: 2018-01-01, name: "New Year's Day"}
/// ```
enum CalendarFile {
    static let keys = ["name", "years", "holidays"]

    static func load(_ text: String, stem: String, reader: YAMLReader) -> WorkingDayCalendar? {
        guard let root = reader.parse(text) else { return nil }
        let before = reader.problems.count
        guard let fields = reader.mapping(root, at: "", allowed: keys, required: keys) else { return nil }

        let name = reader.identifier(fields["name"], at: "name")
        if let name, name != stem {
            reader.problem(
                "name", fields["name"],
                "the name '\(name)' differs from the file's name '\(stem)': they must be the same")
        }

        var years: ClosedRange<Int>?
        if let range = reader.mapping(fields["years"], at: "years", allowed: ["from", "to"], required: ["from", "to"]) {
            let from = reader.int(range["from"], at: "years.from", atLeast: 1971)
            let to = reader.int(range["to"], at: "years.to", atLeast: 1971)
            if let from, let to {
                if from <= to && to <= 9998 {
                    years = from...to
                } else {
                    reader.problem(
                        "years", fields["years"], "the years run from \(from) to \(to): 'from' must not be after 'to'")
                }
            }
        }

        var holidays: Set<CalendarDate> = []
        var yearsListed: Set<Int> = []
        if let entries = reader.entries(fields["holidays"], at: "holidays", what: "each year's bank holidays, by year")
        {
            for entry in entries {
                let yearPath = join("holidays", entry.key)
                guard let year = Int(entry.key), entry.key.count == 4 else {
                    reader.problem(yearPath, entry.node, "'\(entry.key)' is not a year")
                    continue
                }
                if let years, !years.contains(year) {
                    reader.problem(
                        yearPath, entry.node,
                        "\(year) lies outside the calendar's years (\(years.lowerBound) to \(years.upperBound)): widen 'years' or remove it"
                    )
                }
                if !yearsListed.insert(year).inserted {
                    reader.problem(yearPath, entry.node, "\(year) is listed twice")
                }
                guard let list = reader.sequence(entry.value, at: yearPath, what: "bank holidays") else { continue }
                if list.isEmpty { yearsListed.remove(year) }
                for (index, node) in list.enumerated() {
                    let path = join(yearPath, index)
                    guard
                        let holiday = reader.mapping(
                            node, at: path, allowed: ["date", "name"], required: ["date", "name"])
                    else { continue }
                    _ = reader.string(holiday["name"], at: holiday.path("name"))
                    guard let text = reader.string(holiday["date"], at: holiday.path("date")) else { continue }
                    guard let date = CalendarDate(iso: text) else {
                        reader.problem(
                            holiday.path("date"), holiday["date"],
                            "'\(text)' is not a date written YYYY-MM-DD, e.g. 2026-12-25")
                        continue
                    }
                    if date.year != year {
                        reader.problem(holiday.path("date"), holiday["date"], "\(date) is not in \(year)")
                    }
                    if !holidays.insert(date).inserted {
                        reader.problem(holiday.path("date"), holiday["date"], "\(date) is listed twice")
                    }
                }
            }
        }
        if let years {
            let missing = years.filter { !yearsListed.contains($0) }
            if !missing.isEmpty {
                let list = missing.map(String.init).joined(separator: ", ")
                reader.problem(
                    "holidays", fields["holidays"] ?? root,
                    (missing.count == 1 ? "year \(list) is" : "years \(list) are")
                        + " missing from the calendar, which covers \(years.lowerBound) to \(years.upperBound): list every year's bank holidays, or working days in it would be counted wrongly"
                )
            }
        }

        guard reader.problems.count == before, let name, let years else { return nil }
        return WorkingDayCalendar(name: name, years: years, holidays: holidays)
    }
}

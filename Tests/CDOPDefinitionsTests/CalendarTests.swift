import CDOPDefinitions
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

@Suite("The England and Wales calendar and working days")
struct CalendarTests {
    let file = "Workflows/calendars/england-and-wales.yaml"

    @Test(
        "Counting working days skips weekends and bank holidays, substitute days included",
        arguments: [
            // Christmas 2027 falls on a Saturday: Monday 27 and Tuesday 28 are the substitute days.
            ("2027-12-24", 3, "2027-12-31"),
            // Good Friday and Easter Monday 2021.
            ("2021-04-01", 1, "2021-04-06"),
            // Boxing Day 2020 was a Saturday: Monday 28 December.
            ("2020-12-24", 1, "2020-12-29"),
            // The State Funeral of Queen Elizabeth II, Monday 19 September 2022.
            ("2022-09-16", 1, "2022-09-20"),
            // The coronation of King Charles III, Monday 8 May 2023.
            ("2023-05-05", 1, "2023-05-09"),
            // The early May bank holiday of 2020 moved to Friday 8 May (VE day).
            ("2020-05-07", 1, "2020-05-11"),
            // The Platinum Jubilee: Thursday 2 and Friday 3 June 2022.
            ("2022-06-01", 1, "2022-06-06"),
            // An ordinary week: Monday + 4 is Friday; Friday + 1 is Monday.
            ("2026-03-02", 4, "2026-03-06"),
            ("2026-03-06", 1, "2026-03-09"),
            // No working days from a Saturday: the next working day.
            ("2026-03-07", 0, "2026-03-09"),
            ("2026-03-09", 0, "2026-03-09"),
        ])
    func workingDays(from: String, count: Int, expected: String) throws {
        let calendar = try Shipped.load().calendar
        #expect(calendar.adding(workingDays: count, to: CalendarDate(from)) == CalendarDate(expected))
    }

    @Test("Christmas, Boxing Day, Good Friday, Easter Monday and their substitutes are not working days")
    func holidaysAreNotWorkingDays() throws {
        let calendar = try Shipped.load().calendar
        for day in ["2027-12-27", "2027-12-28", "2026-12-25", "2026-12-28", "2026-04-03", "2026-04-06", "2028-01-03"] {
            #expect(!calendar.isWorkingDay(CalendarDate(day)), "\(day)")
        }
        for day in ["2026-12-29", "2026-04-07", "2028-01-04"] {
            #expect(calendar.isWorkingDay(CalendarDate(day)), "\(day)")
        }
    }

    @Test("Working days beyond the calendar's last year are refused rather than guessed")
    func outsideTheCalendar() throws {
        let calendar = try Shipped.load().calendar
        #expect(calendar.adding(workingDays: 1, to: CalendarDate("2030-12-31")) == nil)
        #expect(calendar.adding(workingDays: 1, to: CalendarDate("2017-12-29")) == nil)
    }

    @Test("The calendar file matches the Python holidays package (England) for every year from 2018 to 2030")
    func matchesPythonHolidays() throws {
        let calendar = try Shipped.load().calendar
        #expect(calendar.years == 2018...2030)
        let script = """
            import json, holidays
            years = range(2018, 2031)
            h = holidays.country_holidays("GB", subdiv="ENG", years=years)
            print(json.dumps(sorted(d.isoformat() for d in h)))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["PYTHON"] ?? "python3", "-c", script]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "python3 with the PyPI package 'holidays' is needed to check the calendar: run `make deps`.\n\(errorText)")
        let expected = try JSONDecoder().decode([String].self, from: data)
        let listed = calendar.holidays.map(\.iso).sorted()
        for year in 2018...2030 {
            let prefix = "\(year)-"
            let fromPython = expected.filter { $0.hasPrefix(prefix) }
            let fromFile = listed.filter { $0.hasPrefix(prefix) }
            #expect(!fromPython.isEmpty, "the holidays package lists nothing for \(year)")
            #expect(
                fromFile == fromPython,
                "\(year): missing \(Set(fromPython).subtracting(fromFile).sorted()), extra \(Set(fromFile).subtracting(fromPython).sorted())"
            )
        }
        #expect(listed == expected)
    }

    @Test("A year missing from the calendar is named")
    func yearMissing() throws {
        let copy = try BrokenCopy()
        let text = try String(contentsOf: copy.directory.url.appendingPathComponent(file), encoding: .utf8)
        // Drop 2025's list entirely.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.contains("2025") }
        try copy.write(kept.joined(separator: "\n"), to: "calendars/england-and-wales.yaml")
        let problem = try #require(copy.problems().one(file, "holidays"))
        #expect(problem.reason.contains("year 2025 is missing from the calendar"))
    }

    @Test("A year listed with no holidays counts as missing")
    func emptyYear() throws {
        let copy = try BrokenCopy()
        let text = try String(contentsOf: copy.directory.url.appendingPathComponent(file), encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("date: 2026-") }
        try copy.write(
            kept.joined(separator: "\n").replacingOccurrences(of: "  2026:", with: "  2026: []"),
            to: "calendars/england-and-wales.yaml")
        #expect(copy.problems().one(file, "holidays")?.reason.contains("year 2026 is missing") == true)
    }

    @Test("Malformed, misplaced and repeated dates are named at their place in the file")
    func badDates() throws {
        let copy = try BrokenCopy()
        try copy.replace("{date: 2018-01-01,", with: "{date: 2018-1-1,", in: "calendars/england-and-wales.yaml")
        try copy.replace("{date: 2018-03-30,", with: "{date: 2019-03-30,", in: "calendars/england-and-wales.yaml")
        try copy.replace("{date: 2018-04-02,", with: "{date: 2018-02-30,", in: "calendars/england-and-wales.yaml")
        try copy.replace("{date: 2018-05-28,", with: "{date: 2018-05-07,", in: "calendars/england-and-wales.yaml")
        let problems = copy.problems()
        #expect(
            problems.one(file, "holidays.2018[0].date")?.reason.contains("'2018-1-1' is not a date written YYYY-MM-DD")
                == true)
        #expect(problems.one(file, "holidays.2018[1].date")?.reason == "2019-03-30 is not in 2018")
        #expect(problems.one(file, "holidays.2018[2].date")?.reason.contains("is not a date") == true)
        #expect(problems.one(file, "holidays.2018[4].date")?.reason == "2018-05-07 is listed twice")
    }

    @Test("A year outside the calendar's range, or a missing calendar, is named")
    func yearOutsideAndMissingFile() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "years: {from: 2018, to: 2030}", with: "years: {from: 2018, to: 2029}",
            in: "calendars/england-and-wales.yaml")
        #expect(
            copy.problems().one(file, "holidays.2030")?.reason.contains("lies outside the calendar's years") == true)

        let other = try BrokenCopy()
        try other.remove("calendars/england-and-wales.yaml")
        #expect(other.problems().one(file, "")?.reason.contains("missing") == true)
    }
}

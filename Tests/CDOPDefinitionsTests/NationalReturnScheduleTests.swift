import CDOPDefinitions
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

@Suite("The reminders before the national return is due, as a file the panel edits")
struct NationalReturnScheduleTests {
    let file = "Workflows/national-return.yaml"
    let email = "Workflows/emails/national-return-reminder.txt"

    @Test("The shipped reminders fall eight, four, two and one weeks before the deadline, to the coordinator")
    func shippedSchedule() throws {
        let reminders = try #require(try Shipped.load().nationalReturnReminders)
        #expect(reminders.id == "national-return" && reminders.version == 1)
        #expect(
            reminders.steps.map(\.name) == [
                "eight-weeks-before", "four-weeks-before", "two-weeks-before", "one-week-before",
            ])
        #expect(reminders.steps.map(\.before) == [56, 28, 14, 7].map { Offset($0, .calendarDays) })
        #expect(reminders.steps.allSatisfy { $0.to.first == .coordinator && $0.template == "national-return-reminder" })
        #expect(reminders.steps.last?.to == [.coordinator, .panelChair])
    }

    @Test(
        "A reminder's time that is not whole days before the deadline, or is over a year before it, is refused",
        arguments: [
            ("48 hours", "counts in hours"),
            ("365 calendar-days", "too early"),
            ("251 working-days", "too early"),
            ("10 days", "does not say which days"),
        ])
    func badBefore(text: String, reason: String) throws {
        let copy = try BrokenCopy()
        try copy.replace("before: 28 calendar-days", with: "before: \(text)", in: "national-return.yaml")
        let problem = try #require(copy.problems().one(file, "steps[1].before"))
        #expect(problem.reason.contains(reason), "\(problem)")
    }

    @Test("Steps counting in different units are refused: they would not fall in the same order every year")
    func mixedUnits() throws {
        let copy = try BrokenCopy()
        try copy.replace("before: 14 calendar-days", with: "before: 10 working-days", in: "national-return.yaml")
        let problem = try #require(copy.problems().one(file, "steps[2].before"))
        #expect(problem.reason.contains("one schedule counts in one unit"), "\(problem)")
    }

    @Test("A reminder to an agency's contact, or naming an email that is not a national-return reminder, is refused")
    func wrongRecipientOrTemplate() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "    to: [coordinator]\n    template: national-return-reminder\n  - name: four-weeks-before",
            with: "    to: [agency-contact]\n    template: reminder\n  - name: four-weeks-before",
            in: "national-return.yaml")
        let problems = copy.problems()
        #expect(try #require(problems.one(file, "steps[0].to")).reason.contains("panel's own staff"))
        #expect(try #require(problems.one(file, "steps[0].template")).reason.contains("national-return-"))
    }

    @Test("An unknown deadline, an unknown key and a step name used twice are each named")
    func keysAndNames() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "counts-back-from: national-return-deadline", with: "counts-back-from: national-return-due",
            in: "national-return.yaml")
        try copy.replace("name: two-weeks-before", with: "name: four-weeks-before", in: "national-return.yaml")
        try copy.replace("    before: 7 calendar-days", with: "    befor: 7 calendar-days", in: "national-return.yaml")
        let problems = copy.problems()
        #expect(
            try #require(problems.one(file, "counts-back-from")).reason.contains(
                "unknown deadline 'national-return-due'; expected one of: national-return-deadline"))
        #expect(try #require(problems.one(file, "steps[2].name")).reason.contains("used twice"))
        #expect(try #require(problems.one(file, "steps[3].befor")).reason.contains("did you mean 'before'"))
    }

    @Test("A missing reminder email is named where the schedule names it")
    func missingTemplate() throws {
        let copy = try BrokenCopy()
        try copy.remove("emails/national-return-reminder.txt")
        let problems = copy.problems()
        #expect(
            problems.filter { $0.file == file && $0.reason.contains("unknown template 'national-return-reminder'") }
                .count == 4, "\(problems)")
    }

    @Test("Without the file a panel has no reminders, and the rest still loads")
    func optional() throws {
        let copy = try BrokenCopy()
        try copy.remove("national-return.yaml")
        let set = try #require(copy.loaded())
        #expect(set.nationalReturnReminders == nil)
    }

    @Test(
        "A reminder email must name the cases not ready and never one case alone; other emails cannot name a year's cases"
    )
    func templateRules() throws {
        let copy = try BrokenCopy()
        try copy.replace("{{notReadyCases}}", with: "{{caseReference}}", in: "emails/national-return-reminder.txt")
        try copy.replace(
            "Subject: Reminder:", with: "Subject: Reminder for {{reportingYear}}:", in: "emails/reminder.txt")
        let problems = copy.problems()
        let reminder = problems.filter { $0.file == email }.map(\.reason)
        #expect(reminder.contains { $0.contains("about a year's national return") }, "\(reminder)")
        #expect(reminder.contains { $0.contains("never gives {{notReadyCases}}") }, "\(reminder)")
        #expect(
            problems.contains {
                $0.file == "Workflows/emails/reminder.txt" && $0.reason.contains("{{reportingYear}}")
                    && $0.reason.contains("only a reminder before the national return")
            }, "\(problems)")
    }

    @Test("A list of several lines cannot go into a subject")
    func listInSubject() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "Subject: National return", with: "Subject: {{notReadyByReason}} National return",
            in: "emails/national-return-reminder.txt")
        let problem = try #require(copy.problems().one(email, "subject"))
        #expect(problem.reason.contains("several lines"), "\(problem)")
    }
}

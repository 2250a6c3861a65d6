import Foundation
import Testing

@testable import CDOPDomain

@Suite("Reminders before the national return is due: when they fall, which one acts, and once")
struct NationalReturnReminderTests {
    static func step(_ name: String, _ days: Int, _ unit: Offset.Unit = .calendarDays)
        -> NationalReturnReminderSchedule.Step
    {
        NationalReturnReminderSchedule.Step(
            name: name, before: Offset(days, unit), to: [.coordinator], template: "national-return-reminder")
    }

    let schedule = NationalReturnReminderSchedule(
        id: "national-return", version: 1, title: "Reminders",
        steps: [step("one-week-before", 7), step("four-weeks-before", 28), step("two-weeks-before", 14)])

    /// England and Wales 2026–2027 with Easter 2027 (Good Friday 26 March, Easter Monday 29 March).
    let calendar = WorkingDayCalendar(
        name: "test", years: 2026...2027,
        holidays: [
            Sample.day(2026, 12, 25), Sample.day(2026, 12, 28), Sample.day(2027, 3, 26), Sample.day(2027, 3, 29),
        ])

    static func at(_ iso: String) -> Date { Timestamp.parse(iso)! }

    @Test("A year's return is due on 31 March a year after the year ends, and the year due changes on 1 April")
    func deadline() {
        #expect(ReportingYear.nationalReturnDeadline(2025) == Sample.day(2027, 3, 31))
        #expect(ReportingYear.nationalReturnDue(on: Sample.day(2027, 3, 31)) == 2025)
        #expect(ReportingYear.nationalReturnDue(on: Sample.day(2027, 4, 1)) == 2026)
        #expect(ReportingYear.label(2025) == "2025-26" && ReportingYear.label(2099) == "2099-00")
    }

    @Test("Steps fall at 09:00 in England on their day, earliest first, whatever order the file gives them")
    func plan() throws {
        let planned = try schedule.plan(year: 2025, calendar: calendar)
        #expect(planned.map(\.step.name) == ["four-weeks-before", "two-weeks-before", "one-week-before"])
        // 3 and 17 March 2027 are in GMT; 24 March too (summer time starts on 28 March 2027).
        #expect(
            planned.map(\.at) == [
                Self.at("2027-03-03T09:00:00Z"), Self.at("2027-03-17T09:00:00Z"), Self.at("2027-03-24T09:00:00Z"),
            ])
    }

    @Test("Working days count back over the weekend and the Easter bank holidays")
    func workingDays() throws {
        let working = NationalReturnReminderSchedule(
            id: "national-return", version: 1, title: "Reminders",
            steps: [Self.step("three-days-before", 3, .workingDays)])
        // Wednesday 31 March 2027: back over Tuesday 30, Monday 29 (holiday), the weekend, Friday 26 (holiday),
        // Thursday 25, Wednesday 24: three working days before is Wednesday 24 March.
        let planned = try working.plan(year: 2025, calendar: calendar)
        #expect(planned.map(\.at) == [Self.at("2027-03-24T09:00:00Z")])
    }

    @Test("Before its time nothing is due; at it, that step; after a gap, only the latest, the earlier ones passed")
    func dueSteps() throws {
        #expect(try schedule.due(at: Self.at("2027-03-03T08:59:00Z"), recorded: [], calendar: calendar) == nil)
        let first = try #require(
            try schedule.due(at: Self.at("2027-03-03T09:00:00Z"), recorded: [], calendar: calendar))
        #expect(first.year == 2025 && first.step.step.name == "four-weeks-before" && first.skipped.isEmpty)
        #expect(
            try schedule.due(at: Self.at("2027-03-10T09:00:00Z"), recorded: ["four-weeks-before"], calendar: calendar)
                == nil)
        let late = try #require(try schedule.due(at: Self.at("2027-03-25T12:00:00Z"), recorded: [], calendar: calendar))
        #expect(late.step.step.name == "one-week-before")
        #expect(late.skipped == ["four-weeks-before", "two-weeks-before"])
    }

    @Test("Once the deadline's day is over, the year's unsent steps are never sent")
    func afterDeadline() throws {
        #expect(try schedule.due(at: Self.at("2027-04-01T09:00:00Z"), recorded: [], calendar: calendar) == nil)
    }

    static func record(_ step: String, skipped: [String] = [], cases: [NotReadyCaseLine] = [])
        -> NationalReturnLogCommand
    {
        .recordReminder(
            NationalReturnReminderRecord(
                year: 2025, schedule: ScheduleReference(id: "national-return", version: 1),
                step: NationalReturnReminderSchedule.Step(
                    name: step, before: Offset(7, .calendarDays), to: [.coordinator, .panelChair],
                    template: "national-return-reminder"),
                plannedAt: at("2027-03-24T09:00:00Z"), skipped: skipped, casesNotReady: cases))
    }

    static let notReady = [
        NotReadyCaseLine(
            caseReference: "CDOP-2025-0007",
            reasons: [.init(kind: "notificationNotFinalised", detail: "The notification is not finalised.")])
    ]

    @Test("A reminder that finds cases not ready emails each person it names; recorded once, however often it is asked")
    func recordedOnce() throws {
        let events = try history(NationalReturnLogDecider.self, [Self.record("one-week-before", cases: Self.notReady)])
        let state = NationalReturnLogDecider.fold(events)
        #expect(
            state.outboxEmails.map(\.id) == [
                "reminder:one-week-before:coordinator", "reminder:one-week-before:panel-chair",
            ])
        #expect(state.outboxEmails.allSatisfy { $0.state == .pending && $0.template == "national-return-reminder" })
        Given(NationalReturnLogDecider.self, events).when(Self.record("one-week-before", cases: Self.notReady)).then([])
    }

    @Test("A reminder when every case is ready is recorded and tells nobody")
    func everyCaseReady() throws {
        let events = try history(NationalReturnLogDecider.self, [Self.record("one-week-before")])
        guard case .reminderReached(let reached)? = events.first else {
            Issue.record("no reminder recorded")
            return
        }
        #expect(!reached.tellsAnyone && reached.summary.contains("every case ready, nobody told"))
        #expect(NationalReturnLogDecider.fold(events).outboxEmails.isEmpty)
    }

    @Test("Steps passed unsent are recorded with the reminder sent, and are never acted on afterwards")
    func skippedStepsAreRecorded() throws {
        let events = try history(
            NationalReturnLogDecider.self,
            [Self.record("one-week-before", skipped: ["four-weeks-before", "two-weeks-before"], cases: Self.notReady)])
        let state = NationalReturnLogDecider.fold(events)
        #expect(state.recordedSteps == ["four-weeks-before", "two-weeks-before", "one-week-before"])
        Given(NationalReturnLogDecider.self, events).when(Self.record("two-weeks-before", cases: Self.notReady)).then([]
        )
    }

    @Test("An email's outcome is recorded once, and marks it sent or failed")
    func emailOutcomes() throws {
        let sent = EmailOutcome(
            outboxID: "reminder:one-week-before:coordinator", messageID: "<m@x>", template: "national-return-reminder",
            recipientRole: "coordinator", route: "smtp 250", attempts: 1)
        var failed = sent
        failed.outboxID = "reminder:one-week-before:panel-chair"
        let events = try history(
            NationalReturnLogDecider.self,
            [
                Self.record("one-week-before", cases: Self.notReady), .recordEmailSent(sent),
                .recordEmailFailed(failed, reason: "550 no such mailbox"),
            ])
        let state = NationalReturnLogDecider.fold(events)
        #expect(state.outboxEmails.map(\.state) == [.sent, .failed])
        Given(NationalReturnLogDecider.self, events).when(.recordEmailSent(sent)).then([])
    }
}

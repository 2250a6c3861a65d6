import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("Planning the shipped schedules")
struct PlanningTests {
    /// An instant written in UTC, e.g. "2026-10-20T08:00:00Z".
    func utc(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test("A Form B requested on 10 October 2026 is chased at 09:00 London time, across the October clock change")
    func formB() throws {
        let set = try Shipped.load()
        let schedule = try #require(set.schedule(startingOn: .reportingFormRequested))
        // 14:30 BST on Saturday 10 October 2026.
        let planned = try schedule.plan(startingAt: utc("2026-10-10T13:30:00Z"), calendar: set.calendar)
        #expect(
            planned.map(\.name) == [
                "reminder", "due", "final-reminder", "escalate-to-coordinator",
                "escalate-to-designated-doctor-and-chair",
            ])
        #expect(
            planned.map(\.dueAt) == [
                utc("2026-10-20T08:00:00Z"), // 09:00 BST
                utc("2026-10-24T08:00:00Z"),
                utc("2026-10-24T08:00:00Z"),
                utc("2026-10-31T09:00:00Z"), // 09:00 GMT: the clocks went back on Sunday 25 October
                utc("2026-11-07T09:00:00Z"),
            ])
    }

    @Test("A rapid response opened on Christmas Eve 2026 counts its working days after the bank holidays")
    func rapidResponseAtChristmas() throws {
        let set = try Shipped.load()
        let schedule = try #require(set.schedule(startingOn: .rapidResponseOpened))
        // 22:00 on Thursday 24 December 2026; Friday 25 and Monday 28 (Boxing Day's substitute) are holidays.
        let planned = try schedule.plan(startingAt: utc("2026-12-24T22:00:00Z"), calendar: set.calendar)
        #expect(planned.map(\.dueAt) == [utc("2026-12-29T09:00:00Z"), utc("2026-12-31T09:00:00Z")])
    }

    @Test("The case review's targets fall 77, 91, 168 and 182 days after the notification")
    func caseReview() throws {
        let set = try Shipped.load()
        let schedule = try #require(set.schedule(startingOn: .caseNotified))
        let planned = try schedule.plan(startingAt: utc("2026-01-05T10:00:00Z"), calendar: set.calendar)
        #expect(
            planned.map { LondonTime.day(of: $0.dueAt).iso } == [
                "2026-03-23", "2026-04-06", "2026-06-22", "2026-07-06",
            ])
    }

    @Test("Planning working days beyond the calendar's years is refused")
    func beyondCalendar() throws {
        let set = try Shipped.load()
        let schedule = try #require(set.schedule(startingOn: .rapidResponseOpened))
        #expect(throws: SchedulePlanError.outsideCalendar(step: "jar-meeting-reminder", calendar: "england-and-wales"))
        {
            try schedule.plan(startingAt: utc("2031-01-06T10:00:00Z"), calendar: set.calendar)
        }
    }

    /// The shipped Form B schedule planned for a request made at 10:00 GMT on Monday 2 November 2026, due on
    /// `due` (nil: counted from the request).
    func formBRequestedOn2November(due: String?) throws -> [PlannedStep] {
        let set = try Shipped.load()
        let schedule = try #require(set.schedule(startingOn: .reportingFormRequested))
        let start = utc("2026-11-02T10:00:00Z")
        guard let due else { return try schedule.plan(startingAt: start, calendar: set.calendar) }
        return try schedule.plan(startingAt: start, due: CalendarDate(iso: due), calendar: set.calendar)
    }

    @Test(
        "A Form B due 7 days after its request is chased from that date: reminder 4 days before it, final reminder on it, escalations 7 and 14 days after"
    )
    func formBFromItsDueDate() throws {
        // Due on Monday 9 November, not the default 16 November.
        let planned = try formBRequestedOn2November(due: "2026-11-09")
        #expect(
            planned.map(\.name) == [
                "reminder", "due", "final-reminder", "escalate-to-coordinator",
                "escalate-to-designated-doctor-and-chair",
            ])
        #expect(
            planned.map { LondonTime.day(of: $0.dueAt).iso } == [
                "2026-11-05", "2026-11-09", "2026-11-09", "2026-11-16", "2026-11-23",
            ])
        // The default due date plans exactly as counting from the request.
        #expect(try formBRequestedOn2November(due: "2026-11-16") == formBRequestedOn2November(due: nil))
    }

    @Test("A reminder that would fall before a form asked for at short notice is left out; the due date stays")
    func shortNoticeDropsEarlierReminders() throws {
        #expect(
            try formBRequestedOn2November(due: "2026-11-04").map(\.name) == [
                "due", "final-reminder", "escalate-to-coordinator", "escalate-to-designated-doctor-and-chair",
            ])
    }

    @Test(
        "Steps written as '3 working-days before due', 'on due' and '5 working-days after due' fall around the due date the coordinator set"
    )
    func stepsWrittenAgainstTheDueDate() throws {
        let copy = try BrokenCopy()
        try copy.write(Self.workingDaySchedule, to: "form-b-chasing.yaml")
        let set = try #require(copy.loaded())
        let schedule = try #require(set.schedule(startingOn: .reportingFormRequested))
        // Monday 5 October 2026, 10:00 UTC; due on Friday 16 October.
        let fromDue = try schedule.plan(
            startingAt: utc("2026-10-05T10:00:00Z"), due: CalendarDate(iso: "2026-10-16"), calendar: set.calendar)
        #expect(
            fromDue.map { "\($0.name) \(LondonTime.day(of: $0.dueAt).iso)" } == [
                "reminder 2026-10-13", "due 2026-10-16", "final-reminder 2026-10-16",
                "escalate-to-coordinator 2026-10-23",
            ])
        // Without a due date, the default: due 10 working days after the request.
        let byDefault = try schedule.plan(startingAt: utc("2026-10-05T10:00:00Z"), calendar: set.calendar)
        #expect(
            byDefault.map { LondonTime.day(of: $0.dueAt).iso } == [
                "2026-10-14", "2026-10-19", "2026-10-19", "2026-10-26",
            ])
    }

    static let workingDaySchedule = """
        id: form-b-chasing
        version: 2
        title: Chasing a Form B
        starts-on: reporting-form-requested
        stopped-by: [form-returned, form-declined, form-withdrawn, form-waived, case-closed, case-left-panel]
        steps:
          - name: due
            after: 10 working-days
            action: due
          - name: reminder
            after: 3 working-days before due
            action: remind
            reminder-step: 1
            template: reminder
          - name: final-reminder
            after: on due
            action: final-reminder
            reminder-step: 2
            template: final-reminder
          - name: escalate-to-coordinator
            after: 5 working-days after due
            action: escalate
            level: coordinator
            template: escalation

        """
}

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
                utc("2026-10-20T08:00:00Z"),  // 09:00 BST
                utc("2026-10-24T08:00:00Z"),
                utc("2026-10-24T08:00:00Z"),
                utc("2026-10-31T09:00:00Z"),  // 09:00 GMT: the clocks went back on Sunday 25 October
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
}

import CDOPApp
import CDOPDomain
import Foundation

/// The default schedules, written in code, for tests that must not depend on the files in `Workflows/`.
package enum TestSchedules {
    package static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// England and Wales bank holidays for 2026 and 2027.
    package static let calendar = WorkingDayCalendar(
        name: "england-and-wales", years: 2026...2027,
        holidays: [
            day(2026, 1, 1), day(2026, 4, 3), day(2026, 4, 6), day(2026, 5, 4), day(2026, 5, 25), day(2026, 8, 31),
            day(2026, 12, 25), day(2026, 12, 28),
            day(2027, 1, 1), day(2027, 3, 26), day(2027, 3, 29), day(2027, 5, 3), day(2027, 5, 31), day(2027, 8, 30),
            day(2027, 12, 27), day(2027, 12, 28),
        ])

    package static let formB = ScheduleDefinition(
        id: "form-b-chasing", version: 1, title: "Chasing a Form B", start: .reportingFormRequested,
        stoppedBy: [.formReturned, .formDeclined, .formWithdrawn, .formWaived, .caseLeftPanel],
        steps: [
            ScheduleStep(
                name: "reminder", after: Offset(10, .calendarDays), action: .remind(step: 1, kind: .reminder),
                template: "reminder"),
            ScheduleStep(name: "due", after: Offset(14, .calendarDays), action: .due),
            ScheduleStep(
                name: "final-reminder", after: Offset(14, .calendarDays),
                action: .remind(step: 2, kind: .finalReminder), template: "final-reminder"),
            ScheduleStep(
                name: "escalate-to-coordinator", after: Offset(21, .calendarDays),
                action: .escalate(level: .coordinator), template: "escalation"),
            ScheduleStep(
                name: "escalate-to-designated-doctor-and-chair", after: Offset(28, .calendarDays),
                action: .escalate(level: .designatedDoctorAndChair), template: "escalation"),
        ])

    package static let rapidResponse = ScheduleDefinition(
        id: "rapid-response", version: 1, title: "Rapid response targets", start: .rapidResponseOpened,
        stoppedBy: [.rapidResponseMeetingHeld, .rapidResponseCompleted, .caseLeftPanel],
        steps: [
            ScheduleStep(
                name: "jar-meeting-reminder", after: Offset(1, .workingDays),
                action: .target(name: "jar-meeting", to: [.designatedDoctor])),
            ScheduleStep(
                name: "jar-meeting-target", after: Offset(3, .workingDays),
                action: .target(name: "jar-meeting", to: [.designatedDoctor, .coordinator])),
        ])

    package static let catalog = StaticScheduleCatalog(definitions: [formB, rapidResponse], calendar: calendar)
}

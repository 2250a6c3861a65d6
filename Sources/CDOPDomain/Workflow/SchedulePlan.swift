import Foundation

/// A started schedule's steps with their times: computed once, when the schedule starts, and recorded in
/// the event that starts it, so later edits to the definition never move a running case's deadlines.
package struct PlannedStep: Hashable, Sendable, Codable {
    package var name: String
    package var dueAt: Date
    package var action: ScheduleAction
    package var template: String?

    package init(name: String, dueAt: Date, action: ScheduleAction, template: String?) {
        self.name = name
        self.dueAt = dueAt
        self.action = action
        self.template = template
    }
}

/// Why a schedule could not be planned.
package enum SchedulePlanError: Error, Equatable, Sendable {
    /// A working-day step fell outside the years the calendar lists.
    case outsideCalendar(step: String, calendar: String)
}

extension ScheduleDefinition {
    /// The steps' times for a schedule started at `start`.
    ///
    /// Calendar-day and working-day steps fall at 09:00 in England on their day (when offices open), so a
    /// reminder is not sent at 03:00 because a request was made at 03:00; hour steps fall exactly that many
    /// hours later.
    package func plan(startingAt start: Date, calendar: WorkingDayCalendar) throws(SchedulePlanError) -> [PlannedStep] {
        let startDay = LondonTime.day(of: start)
        var planned: [PlannedStep] = []
        for step in steps {
            let dueAt: Date
            switch step.after.unit {
            case .hours:
                dueAt = start.addingTimeInterval(Double(step.after.amount) * 3600)
            case .calendarDays:
                dueAt = LondonTime.instant(on: startDay.adding(days: step.after.amount), at: Self.officeOpens)
            case .workingDays:
                guard let day = calendar.adding(workingDays: step.after.amount, to: startDay) else {
                    throw .outsideCalendar(step: step.name, calendar: calendar.name)
                }
                dueAt = LondonTime.instant(on: day, at: Self.officeOpens)
            }
            planned.append(PlannedStep(name: step.name, dueAt: dueAt, action: step.action, template: step.template))
        }
        return planned
    }

    /// 09:00, when a step measured in days falls.
    package static let officeOpens = TimeOfDay(hour: 9, minute: 0)!
}

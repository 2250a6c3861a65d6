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
            case .years:
                dueAt = LondonTime.instant(on: startDay.adding(years: step.after.amount), at: Self.officeOpens)
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

    /// The steps' times for a schedule chasing a form that the coordinator asked for by `due`: the `due` step
    /// falls on that day, and every other step keeps its declared distance from the `due` step, counted in the
    /// schedule's unit (a reminder declared at 10 calendar days beside a due step at 14 falls 4 days before
    /// `due`; an escalation at 21, 7 days after it). A step that would fall at or before the request itself
    /// is left out: a reminder of a form just asked for tells nobody anything. Without a `due` step (or a
    /// `due` date) the steps count from the start, as `plan(startingAt:calendar:)`.
    package func plan(
        startingAt start: Date, due: CalendarDate?, calendar: WorkingDayCalendar
    ) throws(SchedulePlanError) -> [PlannedStep] {
        guard let due, let dueStep = steps.first(where: { $0.action == .due }) else {
            return try plan(startingAt: start, calendar: calendar)
        }
        let dueAt = LondonTime.instant(on: due, at: Self.officeOpens)
        var planned: [PlannedStep] = []
        for step in steps {
            let distance = step.after.amount - dueStep.after.amount
            let stepAt: Date
            switch step.after.unit {
            case .hours:
                stepAt = dueAt.addingTimeInterval(Double(distance) * 3600)
            case .calendarDays:
                stepAt = LondonTime.instant(on: due.adding(days: distance), at: Self.officeOpens)
            case .years:
                stepAt = LondonTime.instant(on: due.adding(years: distance), at: Self.officeOpens)
            case .workingDays:
                guard let day = calendar.moving(workingDays: distance, from: due) else {
                    throw .outsideCalendar(step: step.name, calendar: calendar.name)
                }
                stepAt = LondonTime.instant(on: day, at: Self.officeOpens)
            }
            if step.action != .due, stepAt <= start { continue }
            planned.append(PlannedStep(name: step.name, dueAt: stepAt, action: step.action, template: step.template))
        }
        return planned
    }

    /// 09:00, when a step measured in days falls.
    package static let officeOpens = TimeOfDay(hour: 9, minute: 0)!
}

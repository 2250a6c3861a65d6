import Foundation

/// The coordinator's reminders before a year's national return is due (`Workflows/national-return.yaml`): each
/// step falls some days before the deadline (`ReportingYear.nationalReturnDeadline`), at 09:00 in England, and
/// names the cases of the year not yet ready.
package struct NationalReturnReminderSchedule: Hashable, Sendable {
    /// One reminder: how long before the deadline, to whom, and which email.
    package struct Step: Hashable, Sendable {
        /// Unique within the schedule, e.g. "one-month-before".
        package var name: String
        /// Calendar days or working days before the deadline day.
        package var before: Offset
        package var to: [ScheduleRecipient]
        /// The email sent (a file in `Workflows/emails/`).
        package var template: String

        package init(name: String, before: Offset, to: [ScheduleRecipient], template: String) {
            self.name = name
            self.before = before
            self.to = to
            self.template = template
        }
    }

    /// A step with the instant it falls at in one year.
    package struct Planned: Hashable, Sendable {
        package var step: Step
        package var at: Date
    }

    /// The step to act on now, and the earlier ones whose time passed unsent (cdop was not running then).
    package struct Due: Hashable, Sendable {
        package var year: Int
        package var step: Planned
        package var skipped: [String]
    }

    package var id: String
    package var version: Int
    package var title: String
    /// Earliest first: the longest before the deadline first.
    package var steps: [Step]

    package init(id: String, version: Int, title: String, steps: [Step]) {
        self.id = id
        self.version = version
        self.title = title
        self.steps = steps.sorted { ($0.before.amount, $1.name) > ($1.before.amount, $0.name) }
    }

    package var reference: ScheduleReference { ScheduleReference(id: id, version: version) }

    /// The steps of `year`'s reminders with their instants, earliest first.
    package func plan(year: Int, calendar: WorkingDayCalendar) throws(SchedulePlanError) -> [Planned] {
        guard let deadline = ReportingYear.nationalReturnDeadline(year) else { return [] }
        var planned: [Planned] = []
        for step in steps {
            let day: CalendarDate
            switch step.before.unit {
            case .calendarDays, .hours:
                day = deadline.adding(days: -step.before.amount)
            case .years:
                day = deadline.adding(years: -step.before.amount)
            case .workingDays:
                guard let moved = calendar.moving(workingDays: -step.before.amount, from: deadline) else {
                    throw .outsideCalendar(step: step.name, calendar: calendar.name)
                }
                day = moved
            }
            planned.append(Planned(step: step, at: LondonTime.instant(on: day, at: ScheduleDefinition.officeOpens)))
        }
        return planned.sorted { ($0.at, $0.step.name) < ($1.at, $1.step.name) }
    }

    /// What to act on at `now`: the latest step of the year due by the coming 31 March whose time has come and
    /// that `recorded` does not hold (a step acted on or skipped before), with the earlier unrecorded ones as
    /// skipped, so that a server started after a gap sends one reminder, not several at once. Nothing once the
    /// deadline's day is over.
    package func due(at now: Date, recorded: Set<String>, calendar: WorkingDayCalendar) throws(SchedulePlanError)
        -> Due?
    {
        let year = ReportingYear.nationalReturnDue(on: LondonTime.day(of: now))
        let waiting = try plan(year: year, calendar: calendar).filter {
            $0.at <= now && !recorded.contains($0.step.name)
        }
        guard let latest = waiting.last else { return nil }
        return Due(year: year, step: latest, skipped: waiting.dropLast().map(\.step.name))
    }
}

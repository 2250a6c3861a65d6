import CDOPDefinitions
import CDOPDomain

/// The schedules and working-day calendar a panel has declared (`Workflows/`), as the workflow needs them.
package protocol ScheduleCatalog: Sendable {
    /// The current definition of the schedule that an event of kind `start` starts, if the panel declares one.
    func definition(for start: ScheduleDefinition.Start) -> ScheduleDefinition?
    /// The calendar working-day offsets are counted in.
    var calendar: WorkingDayCalendar { get }
    /// The reminders before each year's national return is due, if the panel declares them.
    var nationalReturnReminders: NationalReturnReminderSchedule? { get }
    /// The forms a case's readiness for the national return is judged by (its required national items).
    var forms: FormCatalog? { get }
}

extension ScheduleCatalog {
    package var nationalReturnReminders: NationalReturnReminderSchedule? { nil }
    package var forms: FormCatalog? { nil }
}

/// Schedules given in code (tests, and a panel that has declared none).
package struct StaticScheduleCatalog: ScheduleCatalog {
    package var definitions: [ScheduleDefinition]
    package var calendar: WorkingDayCalendar
    package var nationalReturnReminders: NationalReturnReminderSchedule?
    package var forms: FormCatalog?

    package init(
        definitions: [ScheduleDefinition], calendar: WorkingDayCalendar,
        nationalReturnReminders: NationalReturnReminderSchedule? = nil, forms: FormCatalog? = nil
    ) {
        self.definitions = definitions
        self.calendar = calendar
        self.nationalReturnReminders = nationalReturnReminders
        self.forms = forms
    }

    package func definition(for start: ScheduleDefinition.Start) -> ScheduleDefinition? {
        definitions.last { $0.start == start }
    }
}

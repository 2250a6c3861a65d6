import CDOPDomain

/// The schedules and working-day calendar a panel has declared (`Workflows/`), as the workflow needs them.
package protocol ScheduleCatalog: Sendable {
    /// The current definition of the schedule that an event of kind `start` starts, if the panel declares one.
    func definition(for start: ScheduleDefinition.Start) -> ScheduleDefinition?
    /// The calendar working-day offsets are counted in.
    var calendar: WorkingDayCalendar { get }
}

/// Schedules given in code (tests, and a panel that has declared none).
package struct StaticScheduleCatalog: ScheduleCatalog {
    package var definitions: [ScheduleDefinition]
    package var calendar: WorkingDayCalendar

    package init(definitions: [ScheduleDefinition], calendar: WorkingDayCalendar) {
        self.definitions = definitions
        self.calendar = calendar
    }

    package func definition(for start: ScheduleDefinition.Start) -> ScheduleDefinition? {
        definitions.last { $0.start == start }
    }
}

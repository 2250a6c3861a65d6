import CDOPDefinitions
import CDOPDomain
import Foundation

/// The panel's declared workflow definitions (`Workflows/` under `CDOP_DEFINITIONS`) as the workflow uses them.
package struct DeclaredSchedules: ScheduleCatalog {
    package let definitions: DefinitionSet

    package init(_ definitions: DefinitionSet) {
        self.definitions = definitions
    }

    package func definition(for start: ScheduleDefinition.Start) -> ScheduleDefinition? {
        definitions.schedule(startingOn: start)
    }

    package var calendar: WorkingDayCalendar { definitions.calendar }

    package var nationalReturnReminders: NationalReturnReminderSchedule? { definitions.nationalReturnReminders }

    package var forms: FormCatalog? { definitions.forms }

    /// Loads the definitions under the configuration's folder; every problem is reported, none is ignored.
    package static func load(_ configuration: AppConfiguration) throws(DefinitionProblems) -> DeclaredSchedules {
        switch DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)) {
        case .success(let set): return DeclaredSchedules(set)
        case .failure(let problems): throw problems
        }
    }
}

import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// cdop assembled: the store with its read models, the command handler and the workflow, on one database.
package struct Engine: Sendable {
    package let configuration: AppConfiguration
    package let store: EventStore
    package let workflow: CaseWorkflow

    /// Opens the database named by `configuration` with every read model installed.
    package init(
        configuration: AppConfiguration, clock: any AppClock = SystemClock(),
        storeOptions: EventStoreOptions = EventStoreOptions(), schedules: (any ScheduleCatalog)? = nil,
        makeID: @escaping @Sendable () -> UUID = { UUID() }
    ) throws(EventStoreError) {
        self.configuration = configuration
        let cache = StateCache()
        store = try EventStore(path: configuration.databasePath, options: ReadModels.storeOptions(storeOptions, cache: cache))
        let handler = CommandHandler(store: store, clock: clock, panel: configuration.panel, cache: cache)
        workflow = CaseWorkflow(handler: handler, schedules: schedules, makeID: makeID)
    }

    package var panel: PanelConfiguration { configuration.panel }

    /// The scheduler firing this engine's timers.
    package var scheduler: DeadlineScheduler { DeadlineScheduler(workflow: workflow) }
}

extension AppConfiguration {
    /// The panel as the domain sees it.
    package var panel: PanelConfiguration {
        PanelConfiguration(name: panelName, areas: panelAreas.map { LocalAuthorityArea(code: $0.code, name: $0.name) })
    }
}

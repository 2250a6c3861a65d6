import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPPostgres
import CDOPProjections
import CDOPStore
import Foundation

/// cdop assembled: the store with its read models, the command handler and the workflow, on one database.
package struct Engine: Sendable {
    package let configuration: AppConfiguration
    package let store: any EventDatabase
    package let workflow: CaseWorkflow

    /// Opens the database named by `configuration` with every read model installed.
    package init(
        configuration: AppConfiguration, clock: any AppClock = SystemClock(),
        storeOptions: EventStoreOptions = EventStoreOptions(), schedules: (any ScheduleCatalog)? = nil,
        linkSecret: Data? = nil, makeID: @escaping @Sendable () -> UUID = { UUID() }
    ) throws {
        self.configuration = configuration
        let cache = StateCache()
        var storeOptions = storeOptions
        storeOptions.pageCacheKiB = configuration.databaseCacheKiB
        storeOptions.maximumReaders = configuration.databaseReaders
        storeOptions = try PersonalDataProtection.storeOptions(
            storeOptions, keysPath: configuration.keysPath, keysURL: configuration.keysDatabaseURL,
            forms: schedules?.forms?.all ?? [])
        let options = ReadModels.storeOptions(storeOptions, cache: cache)
        if let url = configuration.databaseURL {
            // Every server on the database signs and checks links with one key: it must be given.
            guard linkSecret ?? configuration.linkSecret != nil else { throw ConfigurationError.linkSecretNeeded }
            let postgres = try PostgresEventStore(url: url, options: options)
            try PersonalDataProtection.checkKeysBelong(postgres)
            // The scratch files of a refill hold data sealed under the keys: they go beside the keys file.
            try ReadModelRebuild.fillAfterUpgrade(postgres, scratchBeside: configuration.keysPath)
            store = postgres
        } else {
            let sqlite = try EventStore(path: configuration.databasePath, options: options)
            try PersonalDataProtection.checkKeysBelong(sqlite)
            // An upgrade that added a read model to a database already holding events: fill it from the events.
            try ReadModelRebuild.fillAfterUpgrade(sqlite)
            store = sqlite
        }
        let handler = CommandHandler(store: store, clock: clock, panel: configuration.panel, cache: cache)
        let secret =
            try linkSecret ?? configuration.linkSecret ?? LinkSecret.load(databasePath: configuration.databasePath)
        let links = PractitionerLinks(
            secret: secret, baseURL: configuration.baseURL, lifetimeDays: configuration.linkDays)
        workflow = CaseWorkflow(handler: handler, schedules: schedules, links: links, makeID: makeID)
    }

    package var panel: PanelConfiguration { configuration.panel }

    /// The outbox dispatcher sending this engine's mail through `transport` (by default the configured one).
    package func dispatcher(templates: [String: EmailTemplate], transport: (any MailTransport)? = nil)
        -> OutboxDispatcher
    {
        OutboxDispatcher(
            workflow: workflow,
            composer: EmailComposer(templates: templates, configuration: configuration, links: workflow.links!),
            transport: transport ?? configuration.mail.makeTransport())
    }

    /// The adapter sending national returns the configured way (`CDOP_NCMD_ADAPTER`).
    package var nationalReturnAdapter: any NationalReturnAdapter {
        switch configuration.nationalReturn.adapter {
        case .directory(let directory): DirectoryReturnAdapter(directory: directory)
        case .https: HTTPSReturnAdapter(workflow: workflow)
        }
    }

    /// The sender posting queued national-return documents, when the HTTPS adapter is configured.
    package var nationalReturnSender: NationalReturnSender? {
        guard case .https(let endpoint) = configuration.nationalReturn.adapter else { return nil }
        return NationalReturnSender(workflow: workflow, endpoint: endpoint)
    }

    /// The scheduler firing this engine's timers.
    package var scheduler: DeadlineScheduler { DeadlineScheduler(workflow: workflow) }
}

extension AppConfiguration {
    /// The panel as the domain sees it.
    package var panel: PanelConfiguration {
        PanelConfiguration(
            name: panelName, areas: panelAreas.map { LocalAuthorityArea(code: $0.code, name: $0.name) },
            legacyScaleUntil: legacyScaleUntil)
    }
}

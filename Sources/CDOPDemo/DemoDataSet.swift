import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// The demo data set: fourteen months of a synthetic panel (about 40 cases in every stage, the agency
/// directory, panel and rapid-response meetings), written through the real commands so every event, timer,
/// outbox row and read model is what the panel's own work would have left.
///
/// Mail: the history's emails are sent as they fall due, to a spool directory (the configured one, or
/// `demo-mail` beside the database when SMTP is configured, so the demo never emails anyone through a real
/// server); what falls due after `now` waits in the outbox for the running server. With no transport the
/// emails stay pending in the outbox.
///
/// It loads only into a database without events, and the same `now` (and identifier generator) gives the
/// same data set.
package enum DemoDataSet {
    /// The seed of the names, numbers and addresses.
    package static let seed: UInt64 = 0xCD0F_2026

    /// Writes the history into `engine`'s empty database, moving `clock` (the engine's own clock) from about
    /// fourteen months before `now` up to `now`. Emails go through `transport` as they fall due (nil: left
    /// pending); `mailLabel` says where, for the summary.
    package static func load(
        into engine: Engine, clock: ManualClock, now: Date, templates: [String: EmailTemplate],
        transport: (any MailTransport)?, mailLabel: String
    ) async throws(CommandError) -> DemoSummary {
        try requireEmpty(engine.store)
        let history = DemoHistory(
            engine: engine, clock: clock, now: now,
            mail: transport.map { engine.dispatcher(templates: templates, transport: $0) }, seed: seed,
            forms: try? DefinitionSet.load(from: URL(fileURLWithPath: engine.configuration.definitionsPath)).get().forms
        )
        history.registerAgencies()
        history.panelCalendar()
        history.scenarioSuddenInfantDeath()
        history.scenarioPalliativeCare()
        history.scenarioNeonatal()
        history.scenarioSuspectedSuicide()
        history.scenarioOtherArea()
        history.newNotifications()
        history.casesInProgress()
        history.casesAwaitingThePanel()
        history.reviewedCases()
        try await history.run()
        do throws(EventStoreError) {
            return try DemoSummary.read(
                engine.store, now: now, mail: transport == nil ? "outbox" : mailLabel, actors: DemoDirectory.actors)
        } catch {
            throw .store(error)
        }
    }

    /// Loads the demo into the configured database (`cdop demo`), on an engine of its own with the declared
    /// schedules; refused when the database already holds events.
    package static func load(
        configuration: AppConfiguration, now: Date = Date(), makeID: @escaping @Sendable () -> UUID = { UUID() }
    ) async throws -> DemoSummary {
        let schedules = try DeclaredSchedules.load(configuration)
        let clock = ManualClock(now)
        let engine = try Engine(configuration: configuration, clock: clock, schedules: schedules, makeID: makeID)
        let spool = spoolDirectory(configuration)
        return try await load(
            into: engine, clock: clock, now: now, templates: schedules.definitions.templates,
            transport: SpoolTransport(directory: spool), mailLabel: spool)
    }

    /// Loads the demo when the configured database holds no events (first start under `CDOP_DEMO=1`; the
    /// server calls this too); nil when it already has events.
    package static func loadIfEmpty(configuration: AppConfiguration, now: Date = Date()) async throws -> DemoSummary? {
        let store = try EventStore(path: configuration.databasePath, options: ReadModels.storeOptions())
        guard try eventCount(store) == 0 else { return nil }
        return try await load(configuration: configuration, now: now)
    }

    /// The directory the history's mail is spooled to.
    package static func spoolDirectory(_ configuration: AppConfiguration) -> String {
        if case .spool(let directory) = configuration.mail.delivery { return directory }
        return URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent()
            .appendingPathComponent("demo-mail").path
    }

    static func requireEmpty(_ store: any EventDatabase) throws(CommandError) {
        let events: Int
        do throws(EventStoreError) {
            events = try eventCount(store)
        } catch {
            throw .store(error)
        }
        guard events == 0 else {
            throw .rejected(
                DomainError(
                    code: "demo.databaseNotEmpty",
                    "The database \(store.location) already holds \(events) event(s); the demo data set loads only into an empty "
                        + "database (give --db a new file)."))
        }
    }

    private static func eventCount(_ store: any EventDatabase) throws(EventStoreError) -> Int {
        try store.eventCount()
    }
}

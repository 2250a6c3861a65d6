import ArgumentParser
import CDOPApp
import CDOPPostgres
import CDOPStore
import Foundation

/// `cdop copy`: move a panel between a SQLite file and a PostgreSQL database (either way), then compare both.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a panel's database to another, SQLite or PostgreSQL either way, and compare them.",
        discussion: """
            Copies every event in order (each command's together, under its id), the staff's credentials and the \
            senders' attempts; the read models are built as the events arrive. Then every event and every read \
            model is compared on both sides. The destination must be empty, and no cdop may write to the source \
            meanwhile. Both sides use the same keys file (CDOP_KEYS_DB; beside a SQLite side by default).
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The database to copy: a SQLite file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var from: String

    @Option(help: "The empty database to copy into: a new SQLite file, or a postgres:// address.")
    var to: String

    func run() async throws {
        var base = try options.configuration()
        base.keysDatabasePath =
            base.keysDatabasePath
            ?? [from, to].first { !Self.isAddress($0) }.map(PersonalDataProtection.keysPath(besides:))
        let source = try Engine(configuration: Self.opening(from, base), linkSecret: Data(repeating: 0, count: 32))
        // The copy's streams are new to it, but their people's keys are in the keys file already.
        var copying = EventStoreOptions()
        copying.newStreamsHaveNewSubjects = false
        let destination = try Engine(
            configuration: Self.opening(to, base), storeOptions: copying, linkSecret: Data(repeating: 0, count: 32))
        let total = try source.store.eventCount()
        let progress = ProgressLine("Copying", unit: "events", json: options.json)
        let report = try await PanelCopy(from: source.store, to: destination.store).run { done in
            progress.update(done, of: total)
        }
        progress.finish()
        if options.json {
            print(Output.json(report))
        } else {
            print(
                "Copied \(report.events) events (\(report.commands) commands) from \(source.store.location) to "
                    + "\(destination.store.location), and \(report.rows.values.reduce(0, +)) rows of credentials and "
                    + "attempts; every event and all \(report.readModelsCompared) read models compare the same.")
        }
    }

    static func isAddress(_ text: String) -> Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    /// `base` opening `database`: a PostgreSQL address, or a SQLite file.
    static func opening(_ database: String, _ base: AppConfiguration) throws -> AppConfiguration {
        var configuration = base
        if isAddress(database) {
            if let problem = PostgresAddress.problem(in: database) { throw ValidationError(problem) }
            configuration.databaseURL = database
        } else {
            configuration.databaseURL = nil
            configuration.useDatabase(at: database)
        }
        return configuration
    }
}

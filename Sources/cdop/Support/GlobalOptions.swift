import ArgumentParser
import CDOPApp
import Foundation

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $CDOP_DB, else var/cdop.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Print machine-readable JSON instead of text.")
    var json = false

    @Option(name: .customLong("as"), help: "Who is acting (a user name or id), recorded on every event.")
    var actor: String?

    /// The configuration from the environment, with --db applied over it (and, unless CDOP_SPOOL_DIR is set,
    /// the mail spool moved beside that database).
    func configuration() throws -> AppConfiguration {
        var configuration = try AppConfiguration(environment: ProcessInfo.processInfo.environment)
        if let db { configuration.useDatabase(at: db) }
        return configuration
    }
}

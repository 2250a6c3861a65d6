import CDOPApp
import Foundation

/// The storage engines an engine-contract test runs on: the embedded SQLite file, and a database of its own in
/// the tests' PostgreSQL cluster.
///
/// `CDOP_TEST_ENGINES` (a comma-separated list, e.g. `sqlite`) chooses which run; unset, both do. `make test`
/// runs the contract suites on SQLite beside the rest of the suite, and on PostgreSQL in a pass of their own.
package enum StorageEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    package var description: String { rawValue }

    /// The engines this test run asks for.
    package static var selected: [StorageEngine] {
        guard let list = ProcessInfo.processInfo.environment["CDOP_TEST_ENGINES"], !list.isEmpty else {
            return allCases
        }
        return list.split(separator: ",").compactMap {
            StorageEngine(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }

    /// Where a new, empty panel of this engine lives: the SQLite file `databasePath` alone, or beside it (for the
    /// keys file and the link secret) a new database in the shared cluster.
    package func prepare(_ configuration: inout AppConfiguration, linkSecret: Data = Data(repeating: 7, count: 32))
        throws
    {
        guard self == .postgres else { return }
        configuration.databaseURL = try ThrowawayPostgres.shared().makeDatabase().url
        if configuration.linkSecret == nil { configuration.linkSecret = linkSecret }
    }

    /// The settings a `cdop` child process needs to open the same panel as `configuration`.
    package static func environment(of configuration: AppConfiguration) -> [String: String?] {
        var environment: [String: String?] = ["CDOP_DB": configuration.databasePath, "CDOP_DATABASE_URL": nil]
        if let url = configuration.databaseURL { environment["CDOP_DATABASE_URL"] = url }
        if let secret = configuration.linkSecret {
            environment["CDOP_LINK_SECRET"] = secret.map { String(format: "%02x", $0) }.joined()
        }
        return environment
    }
}

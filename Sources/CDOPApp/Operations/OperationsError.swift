/// Why a backup, restore or check could not be done, in words for the IT person running it.
package enum OperationsError: Error, Equatable, CustomStringConvertible {
    /// The database to copy or check does not exist.
    case noDatabase(path: String)
    /// The backup's destination exists already; a backup never overwrites a file.
    case destinationExists(path: String)
    /// The file is not a usable cdop database (not SQLite, damaged, or without events).
    case notADatabase(path: String, reason: String)
    /// The copy to restore failed its checks; the live database was not touched.
    case backupFailsVerification(path: String, failures: [String])
    /// A running server holds the database; restoring under it would lose what it writes.
    case databaseInUse(path: String)
    /// SQLite or the file system refused (the code or reason, never personal data).
    case failed(step: String, reason: String)

    package var code: String {
        switch self {
        case .noDatabase: "operations.noDatabase"
        case .destinationExists: "operations.destinationExists"
        case .notADatabase: "operations.notADatabase"
        case .backupFailsVerification: "operations.backupFailsVerification"
        case .databaseInUse: "operations.databaseInUse"
        case .failed: "operations.failed"
        }
    }

    package var description: String {
        switch self {
        case .noDatabase(let path): "There is no database at \(path)."
        case .destinationExists(let path):
            "\(path) exists already; a backup never overwrites a file. Choose a new name (e.g. with the date)."
        case .notADatabase(let path, let reason): "\(path) is not a usable cdop database: \(reason)."
        case .backupFailsVerification(let path, let failures):
            "\(path) fails its checks, so nothing was restored:\n" + failures.map { "  \($0)" }.joined(separator: "\n")
        case .databaseInUse(let path):
            "\(path) is in use by a running cdop server. Stop it first (systemctl stop cdop), then restore."
        case .failed(let step, let reason): "Could not \(step): \(reason)."
        }
    }
}

import Foundation
import GRDB

/// A consistent copy of a live database, taken through SQLite's online backup API from one read snapshot:
/// every event committed before the copy began is in it, and writers carry on meanwhile.
package enum DatabaseBackup {
    package struct Report: Sendable, Equatable, Codable {
        package var destination: String
        package var events: Int
        package var lastPosition: Int64
        package var bytes: Int64
    }

    /// Copies `source` to `destination` (a new file: written as `.partial`, checked, then renamed).
    package static func copy(from source: String, to destination: String) throws(OperationsError) -> Report {
        guard FileManager.default.fileExists(atPath: source) else { throw .noDatabase(path: source) }
        guard !FileManager.default.fileExists(atPath: destination) else { throw .destinationExists(path: destination) }
        let partial = destination + ".partial"
        SQLiteFiles.remove(partial)
        return try SQLiteFiles.removingOnFailure(partial, step: "copy \(source) to \(destination)") {
            var readOnly = Configuration()
            readOnly.readonly = true
            readOnly.busyMode = .timeout(10)
            let from = try DatabaseQueue(path: source, configuration: readOnly)
            let to = try DatabaseQueue(path: partial)
            try from.backup(to: to)
            try from.close()
            let facts = try SQLiteFiles.check(to, path: destination)
            try to.close()
            SQLiteFiles.removeCompanions(of: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            let size = (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int64) ?? 0
            return Report(destination: destination, events: facts.events, lastPosition: facts.lastPosition, bytes: size)
        }
    }
}

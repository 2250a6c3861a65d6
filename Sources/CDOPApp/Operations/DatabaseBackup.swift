import Foundation
import GRDB

/// A consistent copy of a live database, taken through SQLite's online backup API from one read snapshot:
/// every event committed before the copy began is in it, and writers carry on meanwhile. The keys file is
/// copied after the database, beside the copy (`<name>-keys.sqlite`): every key an event in the copy was sealed
/// with was committed before that event, so it is in the keys' copy (unless erased since, as it should be).
package enum DatabaseBackup {
    package struct Report: Sendable, Equatable, Codable {
        package var destination: String
        package var events: Int
        package var lastPosition: Int64
        package var bytes: Int64
        /// Where the keys file was copied (nil: the database has none).
        package var keys: String?
    }

    /// Copies `source` to `destination` (a new file: written as `.partial`, checked, then renamed).
    package static func copy(from source: String, to destination: String, keys: String? = nil) throws(OperationsError)
        -> Report
    {
        guard FileManager.default.fileExists(atPath: source) else { throw .noDatabase(path: source) }
        guard !FileManager.default.fileExists(atPath: destination) else { throw .destinationExists(path: destination) }
        let partial = destination + ".partial"
        SQLiteFiles.remove(partial)
        var report = try SQLiteFiles.removingOnFailure(partial, step: "copy \(source) to \(destination)") {
            let to = try copied(source, into: partial)
            let facts = try SQLiteFiles.check(to, path: destination)
            try to.close()
            SQLiteFiles.removeCompanions(of: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            let size = (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int64) ?? 0
            return Report(
                destination: destination, events: facts.events, lastPosition: facts.lastPosition, bytes: size,
                keys: nil)
        }
        guard let keys, FileManager.default.fileExists(atPath: keys) else { return report }
        let keysCopy = PersonalDataProtection.keysPath(besides: destination)
        try copyKeys(from: keys, to: keysCopy)
        report.keys = keysCopy
        return report
    }

    /// Copies a keys file through SQLite (written as `.partial`, then renamed).
    static func copyKeys(from source: String, to destination: String) throws(OperationsError) {
        guard !FileManager.default.fileExists(atPath: destination) else { throw .destinationExists(path: destination) }
        let partial = destination + ".partial"
        SQLiteFiles.remove(partial)
        try SQLiteFiles.removingOnFailure(partial, step: "copy the keys \(source) to \(destination)") {
            try copied(source, into: partial).close()
            SQLiteFiles.removeCompanions(of: partial)
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        }
    }

    /// `source` copied through SQLite's backup API from one read snapshot into a new file at `partial`, open.
    private static func copied(_ source: String, into partial: String) throws -> DatabaseQueue {
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(10)
        let from = try DatabaseQueue(path: source, configuration: readOnly)
        let to = try DatabaseQueue(path: partial)
        try from.backup(to: to)
        try from.close()
        return to
    }
}

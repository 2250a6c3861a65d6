import CDOPDomain
import CDOPPrivacy
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Puts a backup in place of the live database: only a copy that passes every check of `cdop verify`, only
/// while no server holds the database, and with the previous file kept beside it, never deleted. The backup's
/// keys file (`<name>-keys.sqlite` beside it) comes with it, checked to belong to it, in place of the keys file
/// in use (kept aside too). A person erased since the backup was taken stays erased: every tombstone of the keys
/// file in use is carried into the restored copy, erasing that person there (key, case record and read models)
/// before the copy is checked, so restoring an older backup never brings back what was erased.
package enum DatabaseRestore {
    package struct Report: Sendable, Equatable, Codable {
        package var source: String
        package var database: String
        package var events: Int
        package var lastPosition: Int64
        /// Where the database that was replaced now is (nil when there was none).
        package var previousKeptAt: String?
        /// The keys file restored with it (nil: the backup had none beside it).
        package var keys: String?
        /// People erased after the backup was taken, erased again in the restored copy.
        package var erasuresCarried: Int = 0
    }

    /// Restores `source` into `database`; `now` names the kept-aside copy.
    package static func restore(from source: String, into database: String, keys: String? = nil, now: Date)
        throws(OperationsError) -> Report
    {
        guard FileManager.default.fileExists(atPath: source) else { throw .noDatabase(path: source) }
        let lock = try DatabaseLock.acquire(.exclusive, for: database)
        defer { withExtendedLifetime(lock) {} }
        let candidate = database + ".restoring"
        SQLiteFiles.remove(candidate)
        let backupKeys = PersonalDataProtection.keysPath(besides: source)
        let candidateKeys: String? =
            keys != nil && FileManager.default.fileExists(atPath: backupKeys) ? database + ".restoring-keys" : nil
        if let candidateKeys {
            SQLiteFiles.remove(candidateKeys)
            try DatabaseBackup.copyKeys(from: backupKeys, to: candidateKeys)
        }
        defer { if let candidateKeys { SQLiteFiles.remove(candidateKeys) } }
        return try SQLiteFiles.removingOnFailure(candidate, step: "restore \(source)") {
            // A copy through SQLite (never the raw bytes), checked and brought to this version's schema.
            var readOnly = Configuration()
            readOnly.readonly = true
            let from = try DatabaseQueue(path: source, configuration: readOnly)
            _ = try SQLiteFiles.check(from, path: source)
            try from.backup(to: try DatabaseQueue(path: candidate))
            try from.close()
            var carried = 0
            if let keys, let candidateKeys, FileManager.default.fileExists(atPath: keys) {
                carried = try carryErasures(from: keys, into: candidate, keys: candidateKeys, now: now)
            }
            let report = try verified(candidate, keys: candidateKeys, source: source)
            let previous = try keepAside(database, now: now)
            try FileManager.default.moveItem(atPath: candidate, toPath: database)
            if let keys, let candidateKeys {
                _ = try keepAside(keys, now: now)
                try FileManager.default.moveItem(atPath: candidateKeys, toPath: keys)
            }
            return Report(
                source: source, database: database, events: report.events, lastPosition: Int64(report.events),
                previousKeptAt: previous, keys: candidateKeys == nil ? nil : keys, erasuresCarried: carried)
        }
    }

    /// Erases in the candidate everyone the keys file in use records as erased and the candidate still holds:
    /// through the erasure itself, so the case records it and its read models are written again. How many.
    private static func carryErasures(
        from liveKeys: String, into candidate: String, keys candidateKeys: String, now: Date
    )
        throws -> Int
    {
        let live = try SubjectKeyring(path: liveKeys)
        let erased = try live.erasedSubjects()
        try live.close()
        guard !erased.isEmpty else { return 0 }
        var configuration = AppConfiguration()
        configuration.databasePath = candidate
        configuration.keysDatabasePath = candidateKeys
        let engine = try Engine(configuration: configuration, linkSecret: Data(repeating: 0, count: 32))
        defer { try? engine.sqliteStore?.database.close() }
        let erasure = PersonalDataErasure(engine: engine)
        let actor = Actor(name: "cdop restore", role: "system")
        var carried = 0
        for (subject, erasedAt) in erased {
            guard subject.hasPrefix("case-"), let slash = subject.firstIndex(of: "/"),
                let caseID = CaseID(String(subject[subject.index(subject.startIndex, offsetBy: 5)..<slash])),
                (try? engine.workflow.caseState(caseID).exists) == true
            else { continue }
            let role = String(subject[subject.index(after: slash)...])
            let report = try erasure.erase(
                caseID: caseID, role: role,
                reason: "Erased on \(DayFormatter.long(LondonTime.day(of: erasedAt))), after this backup was taken",
                by: actor, now: now)
            if !report.alreadyErased { carried += 1 }
        }
        return carried
    }

    /// Opens the candidate as cdop would (migrating an older backup), runs every check, and closes it.
    private static func verified(_ candidate: String, keys: String?, source: String) throws
        -> DatabaseVerification.Report
    {
        var options = ReadModels.storeOptions(cache: StateCache())
        if let keys { options = try PersonalDataProtection.storeOptions(options, keysPath: keys, forms: []) }
        let store = try EventStore(path: candidate, options: options)
        try PersonalDataProtection.checkKeysBelong(store)
        try ReadModelRebuild.fillAfterUpgrade(store)
        let report = try DatabaseVerification(store: store).run()
        // Closing the last connection checkpoints the WAL into the file, so the file alone is the database.
        try store.database.close()
        SQLiteFiles.removeCompanions(of: candidate)
        guard report.passed else {
            throw OperationsError.backupFailsVerification(path: source, failures: report.failures)
        }
        return report
    }

    /// Renames the live database and its companions to `<name>.before-restore-<UTC time>`.
    private static func keepAside(_ database: String, now: Date) throws -> String? {
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        let stamp = UTCStamp.compact(now)
        let aside = "\(database).before-restore-\(stamp)"
        for suffix in [""] + SQLiteFiles.companions where FileManager.default.fileExists(atPath: database + suffix) {
            try FileManager.default.moveItem(atPath: database + suffix, toPath: aside + suffix)
        }
        return aside
    }
}

/// A UTC time as `20261123T162800Z`, for file names.
enum UTCStamp {
    static func compact(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}

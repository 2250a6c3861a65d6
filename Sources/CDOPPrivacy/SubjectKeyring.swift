import Crypto
import Foundation
import GRDB
import Synchronization

/// The data subjects' keys, in a SQLite file of their own so that a copy of the events alone holds no readable
/// personal data. A key is made the first time a subject's data is sealed and kept pending until the events'
/// transaction is about to commit, when every pending key is written in one transaction of the keys file
/// (`commitPending`): the keys are durable before any event sealed with them, a crash leaves at most a key no
/// event uses, and a key another process made first for the same subject makes the events' transaction fail
/// (and its command retry) rather than seal data under a key that is not kept. The file is in WAL mode: a new
/// subject's key is one append to the log, with no journal to create and truncate and no hot journal to look for
/// at each read. Erasing a subject deletes its key with `secure_delete` on, then checkpoints the log into the
/// file and truncates it (`emptyLog`), so no page of either still holds the key; and leaves a tombstone so that
/// no key is ever made for that subject again.
package final class SubjectKeyring: Sendable {
    package let path: String
    private let database: DatabaseQueue
    /// The panel's key for the read models' search tokens (`ColumnSealing`): one for every case, since a search
    /// looks across cases; never erased, and worthless without the keys file.
    private let searchIndex: PreparedHash
    /// A keyed hash under the search index key, ready for a term.
    var searchIndexHash: HMAC<SHA256> { searchIndex.hash }
    private let cache = Mutex<Cache>(Cache())
    /// Keys made in the events' transaction now open, not yet in the keys file; `ofNewStream`: made without
    /// asking the file, the subject's stream having no event yet.
    private let pending = Mutex<[String: (key: Data, madeAt: Date, ofNewStream: Bool)]>([:])
    /// The subjects whose keys the last `commitPending` wrote: forgotten again if the events then roll back.
    private let lastCommitted = Mutex<Set<String>>([])
    /// How long keys read are trusted before the file is asked whether another process has changed it.
    private static let recheckAfter: Duration = .seconds(1)

    private struct Cache {
        var keys: [String: Data] = [:]
        var erased: Set<String> = []
        /// Subjects the file was found to hold neither a key nor a tombstone of (until one is made for them).
        var absent: Set<String> = []
        var dataVersion: Int64 = -1
        var checkedAt: ContinuousClock.Instant?
    }

    /// `powerLoss`: every keys commit is synced to the disk (`synchronous=FULL`), as the events are when they must
    /// survive a power failure; otherwise the keys, like the events, survive a killed process (`synchronous=OFF`:
    /// appended to the log before the events commit, synced by the system later).
    package init(path: String, powerLoss: Bool = true) throws(PrivacyError) {
        self.path = path
        let synchronous = powerLoss ? "FULL" : "OFF"
        var configuration = Configuration()
        configuration.label = "cdop-keys"
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .default
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS subject_keys (
                            subject    TEXT NOT NULL PRIMARY KEY,
                            key        BLOB NOT NULL CHECK (length(key) = 32),
                            created_at TEXT NOT NULL
                        ) WITHOUT ROWID;
                        CREATE TABLE IF NOT EXISTS erased_subjects (
                            subject   TEXT NOT NULL PRIMARY KEY,
                            erased_at TEXT NOT NULL
                        ) WITHOUT ROWID;
                        CREATE TABLE IF NOT EXISTS keyring (
                            id TEXT NOT NULL
                        );
                        CREATE TABLE IF NOT EXISTS search_index_key (
                            key BLOB NOT NULL CHECK (length(key) = 32)
                        );
                        """)
                if try String.fetchOne(db, sql: "SELECT id FROM keyring") == nil {
                    try db.execute(
                        sql: "INSERT INTO keyring (id) VALUES (?)", arguments: [UUID().uuidString.lowercased()])
                }
                // One statement, so two processes opening a new file together keep the same key.
                try db.execute(
                    sql:
                        "INSERT INTO search_index_key (key) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM search_index_key)",
                    arguments: [SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }])
            }
            guard
                let stored = try database.read({ db in try Data.fetchOne(db, sql: "SELECT key FROM search_index_key") })
            else { throw PrivacyError.keysUnavailable(path: path, reason: "it holds no search index key") }
            searchIndex = PreparedHash(hash: HMAC<SHA256>(key: SymmetricKey(data: stored)))
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// This keys file's own id, made when it was created: a database records the id of the keys file that
    /// belongs with it, so a backup or a restore never pairs the wrong two.
    package func id() throws(PrivacyError) -> String {
        do {
            return try database.read { db in try String.fetchOne(db, sql: "SELECT id FROM keyring") ?? "" }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// The subject's key: nil when it has none (never written, or erased).
    package func key(for subject: String) throws(PrivacyError) -> SymmetricKey? {
        try lookUp(subject).key
    }

    /// The subject's key, made now (pending until `commitPending`) if it has none; nil when the subject has been
    /// erased.
    ///
    /// `ofNewStream`: the subject's stream has no event yet (its first events are being written, holding the
    /// events' write lock), so the file is not asked: a key is made only as its stream's events are sealed, so any
    /// key the file holds for it is an orphan of a transaction that did not commit, which `commitPending`
    /// replaces; and a tombstone, which only an erasure in an existing case or a migration's copy leaves, is
    /// still checked there, failing the transaction rather than sealing an erased person's data.
    package func keyMakingIfNeeded(for subject: String, now: Date, ofNewStream: Bool = false) throws(PrivacyError)
        -> SymmetricKey?
    {
        if ofNewStream {
            if let key = pending.withLock({ $0[subject]?.key }) { return SymmetricKey(data: key) }
            let cached = cache.withLock { ($0.keys[subject], $0.erased.contains(subject)) }
            if let key = cached.0 { return SymmetricKey(data: key) }
            if !cached.1 { return make(subject, now: now, ofNewStream: true) }
        }
        let found = try lookUp(subject)
        if let key = found.key { return key }
        if found.erased { return nil }
        return make(subject, now: now, ofNewStream: false)
    }

    private func make(_ subject: String, now: Date, ofNewStream: Bool) -> SymmetricKey {
        let made = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        pending.withLock { $0[subject] = (made, now, ofNewStream) }
        return SymmetricKey(data: made)
    }

    /// The subject's key (pending, cached or stored) and whether they were erased: the file is read once, in one
    /// statement, for a subject the cache does not know.
    private func lookUp(_ subject: String) throws(PrivacyError) -> (key: SymmetricKey?, erased: Bool) {
        if let key = pending.withLock({ $0[subject]?.key }) { return (SymmetricKey(data: key), false) }
        try refreshIfStale()
        let cached = cache.withLock { ($0.keys[subject], $0.erased.contains(subject), $0.absent.contains(subject)) }
        if let key = cached.0 { return (SymmetricKey(data: key), false) }
        if cached.1 { return (nil, true) }
        if cached.2 { return (nil, false) }
        let row: Row?
        do {
            // One statement reads one snapshot: no transaction around it is needed.
            row = try database.inDatabase { db in
                try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT (SELECT key FROM subject_keys WHERE subject = ?1) AS key,
                                   EXISTS (SELECT 1 FROM erased_subjects WHERE subject = ?1) AS erased
                            """), arguments: [subject])
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        if let stored = row?["key"] as Data? {
            cache.withLock { $0.keys[subject] = stored }
            return (SymmetricKey(data: stored), false)
        }
        let erased = (row?["erased"] as Bool?) ?? false
        cache.withLock { _ = erased ? $0.erased.insert(subject) : $0.absent.insert(subject) }
        return (nil, erased)
    }

    /// Reads what the file holds of those of `subjects` the cache does not know (keys and tombstones) in one read,
    /// so sealing an event that names several people asks the file once, not once a person.
    package func prefetch(_ subjects: Set<String>) throws(PrivacyError) {
        try refreshIfStale()
        let pendingSubjects = pending.withLock { Set($0.keys) }
        let unknown = cache.withLock { cache in
            subjects.filter {
                !pendingSubjects.contains($0) && cache.keys[$0] == nil && !cache.erased.contains($0)
                    && !cache.absent.contains($0)
            }
        }
        guard unknown.count > 1 else { return }
        let list = Array(unknown)
        let marks = Array(repeating: "?", count: list.count).joined(separator: ", ")
        let (keys, erased): ([String: Data], Set<String>)
        do {
            (keys, erased) = try database.read { db in
                let keys = try Row.fetchAll(
                    db, sql: "SELECT subject, key FROM subject_keys WHERE subject IN (\(marks))",
                    arguments: StatementArguments(list)
                ).reduce(into: [String: Data]()) { $0[$1["subject"]] = $1["key"] }
                let erased = try String.fetchSet(
                    db, sql: "SELECT subject FROM erased_subjects WHERE subject IN (\(marks))",
                    arguments: StatementArguments(list))
                return (keys, erased)
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        cache.withLock { cache in
            cache.keys.merge(keys) { _, read in read }
            cache.erased.formUnion(erased)
            cache.absent.formUnion(unknown.subtracting(keys.keys).subtracting(erased))
        }
    }

    /// Whether keys are waiting to be written.
    package var hasPending: Bool { pending.withLock { !$0.isEmpty } }

    /// Writes the pending keys in one transaction of the keys file; throws (and keeps none of them) when a subject
    /// was erased or given a key by another process meanwhile, so the events sealed with them must not commit.
    package func commitPending() throws(PrivacyError) {
        let keys = pending.withLock { $0 }
        lastCommitted.withLock { $0 = [] }
        guard !keys.isEmpty else { return }
        defer { pending.withLock { pending in for subject in keys.keys { pending[subject] = nil } } }
        do {
            try database.write { db in
                let erased = try db.cachedStatement(sql: "SELECT 1 FROM erased_subjects WHERE subject = ?")
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?)")
                // A new stream's subject: a key already there was made by a transaction that never committed.
                let replace = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?)")
                for (subject, made) in keys.sorted(by: { $0.key < $1.key }) {
                    guard try Bool.fetchOne(erased, arguments: [subject]) == nil else {
                        throw PrivacyError.subjectErasedMeanwhile(subject: subject)
                    }
                    try (made.ofNewStream ? replace : insert).execute(
                        arguments: [subject, made.key, Self.timestamp(made.madeAt)])
                }
            }
        } catch let error as PrivacyError {
            // The retry (the events roll back) finds the person erased and writes their erased values.
            if case .subjectErasedMeanwhile(let subject) = error { cache.withLock { _ = $0.erased.insert(subject) } }
            throw error
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        cache.withLock { cache in
            cache.keys.merge(keys.mapValues(\.key)) { _, made in made }
            cache.absent.subtract(keys.keys)
        }
        lastCommitted.withLock { $0 = Set(keys.keys) }
    }

    /// Forgets the pending keys: the events sealed with them were not committed; nor are the keys last written
    /// for them kept in memory (no event uses them, and a new stream's next attempt replaces them).
    package func discardPending() {
        pending.withLock { $0.removeAll() }
        let orphans = lastCommitted.withLock { committed in
            defer { committed = [] }
            return committed
        }
        guard !orphans.isEmpty else { return }
        cache.withLock { cache in for subject in orphans { cache.keys[subject] = nil } }
    }

    /// Whether the subject has been erased.
    package func isErased(_ subject: String) throws(PrivacyError) -> Bool {
        try lookUp(subject).erased
    }

    /// Deletes the subject's key, for good, and records that it was erased; false when there was no key to delete
    /// (erased already, or never made).
    @discardableResult
    package func erase(_ subject: String, now: Date) throws(PrivacyError) -> Bool {
        let erased: Bool
        do {
            erased = try database.write { db -> Bool in
                try db.execute(sql: "DELETE FROM subject_keys WHERE subject = ?", arguments: [subject])
                let deleted = db.changesCount > 0
                try db.execute(
                    sql: "INSERT OR IGNORE INTO erased_subjects (subject, erased_at) VALUES (?, ?)",
                    arguments: [subject, Self.timestamp(now)])
                return deleted
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        cache.withLock { cache in
            cache.keys[subject] = nil
            cache.absent.remove(subject)
            cache.erased.insert(subject)
        }
        return erased
    }

    /// Checkpoints the log into the keys file and truncates it, so the pages an erasure changed are only in the file,
    /// as they now are (`secure_delete` zeroed what was deleted); false when another connection's read held the log
    /// (run it again).
    package func emptyLog() throws(PrivacyError) -> Bool {
        do {
            return try database.writeWithoutTransaction { db in
                let (log, copied) = try db.checkpoint(.truncate)
                return log == copied
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// The subjects erased, with when, in order: a copy of the database (`cdop privacy migrate`) keeps them erased.
    package func erasedSubjects() throws(PrivacyError) -> [(subject: String, erasedAt: Date)] {
        do {
            return try database.read { db in
                try Row.fetchAll(db, sql: "SELECT subject, erased_at FROM erased_subjects ORDER BY subject").map {
                    ($0["subject"], Self.parseTimestamp($0["erased_at"]) ?? Date(timeIntervalSince1970: 0))
                }
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// Closes the keys file (a copy being finished); the keyring is not used after.
    package func close() throws(PrivacyError) {
        do {
            try database.close()
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// The subjects with a key, in order (for the keys' own checks; never their keys).
    package func subjects() throws(PrivacyError) -> [String] {
        do {
            return try database.read { db in
                try String.fetchAll(db, sql: "SELECT subject FROM subject_keys ORDER BY subject")
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// Forgets the keys read when another process has written to the file since they were read (checked at most
    /// once a second), so an erasure made by `cdop privacy erase` is seen by a running server within a second.
    private func refreshIfStale() throws(PrivacyError) {
        let now = ContinuousClock.now
        let due = cache.withLock { cache in
            cache.checkedAt.map { now - $0 >= Self.recheckAfter } ?? true
        }
        guard due else { return }
        let version: Int64
        do {
            version = try database.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        cache.withLock { cache in
            if cache.dataVersion != version {
                cache.keys.removeAll()
                cache.erased.removeAll()
                cache.absent.removeAll()
                cache.dataVersion = version
            }
            cache.checkedAt = now
        }
    }

    /// How the keys file writes its times: `2026-12-04T15:24:47Z`.
    static let timestampStyle = Date.ISO8601FormatStyle().year().month().day()
        .time(includingFractionalSeconds: false).timeZone(separator: .omitted)

    static func timestamp(_ date: Date) -> String { date.formatted(timestampStyle) }

    static func parseTimestamp(_ text: String) -> Date? { try? timestampStyle.parse(text) }

    static func describe(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: type(of: error))
    }
}

/// A keyed hash with its key already taken in: copied for each term, never changed once made.
struct PreparedHash: @unchecked Sendable {
    let hash: HMAC<SHA256>
}

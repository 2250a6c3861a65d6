import CDOPStore
import Crypto
import Foundation
import GRDB
import Synchronization

/// The data subjects' keys, kept apart from the events (`KeyringStorage`: a SQLite file of their own, or a
/// PostgreSQL database of their own) so that a copy of the events alone holds no readable personal data. A key
/// is made the first time a subject's data is sealed and kept pending until the events'
/// transaction is about to commit, when every pending key is written in one transaction of the keys file
/// (`commitPending`): the keys are durable before any event sealed with them, a crash leaves at most a key no
/// event uses, and a key another process made first for the same subject makes the events' transaction fail
/// (and its command retry) rather than seal data under a key that is not kept. Erasing a subject deletes its key,
/// clears what the storage can of its bytes (`emptyLog`), and leaves a tombstone so that no key is ever made for
/// that subject again.
package final class SubjectKeyring: Sendable {
    private let storage: any KeyringStorage
    /// Where the keys are (a path, or an address without its password), for messages.
    package var path: String { storage.location }
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
        /// Counts the times the keys read were forgotten because another process changed the storage.
        var generation = 0
    }

    /// Changes whenever the keys read are forgotten because another process changed the storage: what was
    /// remembered from them (`ColumnMemo`) is forgotten with them.
    package var generation: Int { cache.withLock { $0.generation } }

    /// The keys in the SQLite file at `path` (`SQLiteKeyringStorage`), made when missing.
    package convenience init(path: String, powerLoss: Bool = true) throws(PrivacyError) {
        let storage: SQLiteKeyringStorage
        do {
            storage = try SQLiteKeyringStorage(path: path, powerLoss: powerLoss)
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        try self.init(storage: storage)
    }

    /// The keys in `storage`, whose tables hold the keyring's id and search index key.
    package init(storage: any KeyringStorage) throws(PrivacyError) {
        self.storage = storage
        let stored: Data?
        do {
            stored = try storage.read { db in try db.value(Data.self, "SELECT key FROM search_index_key") }
        } catch {
            throw .keysUnavailable(path: storage.location, reason: Self.describe(error))
        }
        guard let stored else {
            throw PrivacyError.keysUnavailable(path: storage.location, reason: "it holds no search index key")
        }
        searchIndex = PreparedHash(hash: HMAC<SHA256>(key: SymmetricKey(data: stored)))
    }

    /// This keys file's own id, made when it was created: a database records the id of the keys file that
    /// belongs with it, so a backup or a restore never pairs the wrong two.
    package func id() throws(PrivacyError) -> String {
        do {
            return try storage.read { db in try db.value(String.self, "SELECT id FROM keyring") ?? "" }
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
        let row: SQLRow?
        do {
            row = try storage.read { db in
                try db.row(
                    """
                    SELECT (SELECT key FROM subject_keys WHERE subject = ?1) AS key,
                           EXISTS (SELECT 1 FROM erased_subjects WHERE subject = ?1) AS erased
                    """, subject)
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        if let row, row.hasValue("key") {
            let stored: Data = row["key"]
            cache.withLock { $0.keys[subject] = stored }
            return (SymmetricKey(data: stored), false)
        }
        let erased = row.map { $0["erased"] as Bool } ?? false
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
            (keys, erased) = try storage.read { db in
                let keys = try db.rows(
                    "SELECT subject, key FROM subject_keys WHERE subject IN (\(marks))", arguments: list
                ).reduce(into: [String: Data]()) { $0[$1["subject"]] = $1["key"] }
                let erased = Set(
                    try db.values(
                        String.self, "SELECT subject FROM erased_subjects WHERE subject IN (\(marks))",
                        arguments: list))
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
            try storage.write { db in
                let insert = "INSERT INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?)"
                // A new stream's subject: a key already there was made by a transaction that never committed.
                let replace =
                    insert
                    + " ON CONFLICT (subject) DO UPDATE SET key = excluded.key, created_at = excluded.created_at"
                for (subject, made) in keys.sorted(by: { $0.key < $1.key }) {
                    guard try db.value(Int.self, "SELECT 1 FROM erased_subjects WHERE subject = ?", subject) == nil
                    else {
                        throw PrivacyError.subjectErasedMeanwhile(subject: subject)
                    }
                    try db.execute(
                        made.ofNewStream ? replace : insert, subject, made.key, Self.timestamp(made.madeAt))
                }
            }
        } catch let error as PrivacyError {
            // The retry (the events roll back) finds the person erased and writes their erased values.
            if case .subjectErasedMeanwhile(let subject) = error { cache.withLock { _ = $0.erased.insert(subject) } }
            throw error
        } catch {
            // Another process may have made a key for one of them: the retry asks the storage again.
            cache.withLock { cache in cache.absent.subtract(keys.keys) }
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
            erased = try storage.write { db -> Bool in
                let deleted = try db.rows("DELETE FROM subject_keys WHERE subject = ? RETURNING subject", subject)
                try db.execute(
                    "INSERT INTO erased_subjects (subject, erased_at) VALUES (?, ?) ON CONFLICT (subject) DO NOTHING",
                    subject, Self.timestamp(now))
                return !deleted.isEmpty
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

    /// Clears what the storage keeps of erased keys outside its tables (`KeyringStorage.clearDeleted`: SQLite's
    /// log checkpointed into the file and truncated); false when another connection's read held the log (run it
    /// again).
    package func emptyLog() throws(PrivacyError) -> Bool {
        do {
            return try storage.clearDeleted()
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// The subjects erased, with when, in order: a copy of the database (`cdop privacy migrate`) keeps them erased.
    package func erasedSubjects() throws(PrivacyError) -> [(subject: String, erasedAt: Date)] {
        do {
            return try storage.read { db in
                try db.rows("SELECT subject, erased_at FROM erased_subjects ORDER BY subject").map {
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
            try storage.close()
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// The subjects with a key, in order (for the keys' own checks; never their keys).
    package func subjects() throws(PrivacyError) -> [String] {
        do {
            return try storage.read { db in
                try db.values(String.self, "SELECT subject FROM subject_keys ORDER BY subject")
            }
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
    }

    /// Asks the storage now, not when next due, whether another process has changed it, forgetting the keys read
    /// if so.
    package func lookAgain() throws(PrivacyError) {
        cache.withLock { $0.checkedAt = nil }
        try refreshIfStale()
    }

    /// Forgets the keys read when another process has written to the storage since they were read (checked at
    /// most once a second), so an erasure made by `cdop privacy erase`, or by another server, is seen by a running
    /// server within a second.
    private func refreshIfStale() throws(PrivacyError) {
        let now = ContinuousClock.now
        let due = cache.withLock { cache in
            cache.checkedAt.map { now - $0 >= Self.recheckAfter } ?? true
        }
        guard due else { return }
        let version: Int64
        do {
            version = try storage.changeMark()
        } catch {
            throw .keysUnavailable(path: path, reason: Self.describe(error))
        }
        cache.withLock { cache in
            if cache.dataVersion != version {
                cache.keys.removeAll()
                cache.erased.removeAll()
                cache.absent.removeAll()
                cache.dataVersion = version
                cache.generation += 1
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
        (error as? DatabaseError)?.message ?? (error as? any CustomStringConvertible)?.description
            ?? String(describing: type(of: error))
    }
}

/// A keyed hash with its key already taken in: copied for each term, never changed once made.
struct PreparedHash: @unchecked Sendable {
    let hash: HMAC<SHA256>
}

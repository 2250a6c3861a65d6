import Foundation
import GRDB

/// A step between an event's data as the engine gives it and the bytes the store keeps: the privacy module seals
/// personal fields as events are written and opens them as they are read, before any upcaster, so that nothing
/// above the store sees the difference.
package protocol StoredDataProtection: Sendable {
    /// The bytes to store for `data`; `streamIsNew`: its stream had no event when this append began (it holds the
    /// events' write lock).
    func seal(_ data: Data, type: String, streamID: String, eventID: UUID, now: Date, streamIsNew: Bool) throws -> Data
    /// The data the stored bytes stand for.
    func open(_ data: Data, type: String, eventID: UUID) throws -> Data
    /// Called as the events' transaction is about to commit: whatever sealing needs kept (new keys) must be
    /// durable now, or throw to roll the transaction back.
    func willCommit() throws
    /// Called when the events' transaction was rolled back: forget what sealing made for it.
    func didRollback()
    /// A read model's personal column, sealed under `subject`'s key (`ReadModelSealing`).
    func sealColumn(_ text: String, subject: String) throws -> String
    /// A read model's column as it reads: opened when sealed.
    func openColumn(_ stored: String) throws -> String
    /// What a read model stores and compares in place of a term a search or a duplicate check looks for.
    func searchToken(_ term: String) -> String
    /// The tokens of space-separated terms, space-separated.
    func searchTokens(_ terms: String) -> String
    /// Asks the keys' storage now whether another process has changed the keys (an erasure), rather than when
    /// next due: called before folding a stream that records an erasure, so the fold opens nothing erased.
    func lookAgainAtKeys() throws
}

/// Tells the protection step when the writer's transactions commit or roll back.
final class ProtectionCommitObserver: TransactionObserver {
    let protection: any StoredDataProtection

    init(_ protection: any StoredDataProtection) { self.protection = protection }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseWillCommit() throws { try protection.willCommit() }
    func databaseDidCommit(_ db: Database) {}
    func databaseDidRollback(_ db: Database) { protection.didRollback() }
}

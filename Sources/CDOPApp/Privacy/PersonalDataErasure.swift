import CDOPDomain
import CDOPPrivacy
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Erases one person's personal data in a case: deletes their key, records the erasure on the case (which folds
/// the case again from its events, now reading that person's fields as erased, and rewrites the case's read
/// models from it, `secure_delete` zeroing what the rows held), then checkpoints the write-ahead log into the
/// database and truncates it, so no page of either file still holds what was erased.
package struct PersonalDataErasure {
    package struct Report: Sendable, Equatable, Codable {
        package var caseID: String
        package var role: String
        /// Whether the person had been erased before (this run then only completes what remained).
        package var alreadyErased: Bool
        /// Whether a key was deleted (false: already erased, or the case held no personal data of theirs).
        package var keyDeleted: Bool
        /// Whether the write-ahead log was emptied into the database (false: a reader held it; run it again).
        package var logTruncated: Bool
    }

    package enum Problem: Error, Equatable, CustomStringConvertible {
        case noKeys
        case malformedSubject(String)

        package var description: String {
            switch self {
            case .noKeys: "This database keeps no personal data sealed: there are no keys to erase."
            case .malformedSubject(let subject):
                "\"\(subject.prefix(120))\" is not a person in a case: give CASE/ROLE, e.g. CDOP-2026-0001/child."
            }
        }
    }

    let engine: Engine

    package init(engine: Engine) { self.engine = engine }

    /// Erases the person with `role` in `caseID`, recording `reason`.
    package func erase(caseID: CaseID, role: String, reason: String, by actor: Actor, now: Date) throws -> Report {
        guard let keyring = PersonalDataProtection.keyring(of: engine.store) else { throw Problem.noKeys }
        // Checked before the key goes: the case exists and the role and reason are acceptable.
        let state = try engine.workflow.caseState(caseID)
        guard state.exists else { throw CommandError.notFound(kind: "case", reference: caseID.description) }
        _ = try CaseDecider.recordSubjectErased(role, reason, state, now)
        let deleted = try keyring.erase(caseID.streamID + "/" + role, now: now)
        // Folded states kept from before now read differently: fold the case again from its events.
        engine.workflow.handler.cache?.forget(caseID.streamID)
        engine.workflow.handler.snapshotCache?.forget(caseID.streamID)
        (engine.store.options.protection as? FieldEncryption)?.forgetSealedColumns()
        try engine.workflow.execute(.recordSubjectErased(role: role, reason: reason), on: caseID, by: actor)
        // SQLite's write-ahead log is emptied into the file; PostgreSQL's is its server's to recycle.
        let truncated =
            try engine.sqliteStore?.database.writeWithoutTransaction { db in
                let (log, copied) = try db.checkpoint(.truncate)
                return log == copied
            } ?? true
        let keysTruncated = try keyring.emptyLog()
        return Report(
            caseID: caseID.description, role: role, alreadyErased: state.erasedSubjects.contains(role),
            keyDeleted: deleted, logTruncated: truncated && keysTruncated)
    }
}

import CDOPDomain
import CDOPPrivacy
import CDOPStore
import Foundation
import GRDB

/// Everything a case holds about one living person, for their subject access request: each event that records
/// a value of theirs, when, and the values, read (opened) from what is stored. The export is recorded on the
/// case (`case.subjectAccessExported.v1`, the role and the request it answers) before anything is read: no
/// record, no export.
package struct SubjectAccessExport {
    package struct Document: Sendable, Equatable, Codable {
        /// `CDOP-2026-0001/parent-1`.
        package var subject: String
        package var caseReference: String
        /// The person in words: "parent or carer 1 named on the notification".
        package var person: String
        /// Whether their data was erased (the values then read "erased").
        package var erased: Bool
        package var panel: String
        package var exportedAt: Date
        package var records: [Record]
    }

    /// One event holding values of the person's.
    package struct Record: Sendable, Equatable, Codable {
        package var recordedAt: Date
        /// The event's type, and in words.
        package var event: String
        package var what: String
        package var values: [Value]
    }

    package struct Value: Sendable, Equatable, Codable {
        /// Where in the record: `notification.parentsAndCarers.1.name`.
        package var field: String
        /// The value as text (a structured value's texts joined).
        package var text: String
    }

    let engine: Engine

    package init(engine: Engine) { self.engine = engine }

    /// Records the export and gathers what the case holds about the person with `role`.
    package func export(caseID: CaseID, role: String, reason: String, by actor: Actor, now: Date) throws -> Document {
        guard let encryption = engine.store.options.protection as? FieldEncryption else {
            throw PersonalDataErasure.Problem.noKeys
        }
        try engine.workflow.execute(.recordSubjectAccessExported(role: role, reason: reason), on: caseID, by: actor)
        let state = try engine.workflow.caseState(caseID)
        let subject = caseID.streamID + "/" + role
        let protection = engine.store.options.protection
        let rows = try engine.store.snapshot { db in
            try db.rows(
                "SELECT event_id, type, data, recorded_at FROM events WHERE stream_id = ? ORDER BY stream_version",
                caseID.streamID)
        }
        var records: [Record] = []
        for row in rows {
            let type: String = row["type"]
            guard let eventID = UUID(uuidString: row["event_id"]) else { continue }
            let stored = Data((row["data"] as String).utf8)
            let data = try protection?.open(stored, type: type, eventID: eventID) ?? stored
            let values = try encryption.personalValues(in: data, type: type, streamID: caseID.streamID)
                .filter { $0.subject == subject }
                .map { Value(field: $0.field, text: Self.text(ofJSON: $0.json)) }
            guard !values.isEmpty else { continue }
            records.append(
                Record(
                    recordedAt: UTCTimestamp.parse(row["recorded_at"]) ?? now, event: type, what: Self.words(type),
                    values: values))
        }
        return Document(
            subject: "\(caseID.reference)/\(role)", caseReference: caseID.reference,
            person: SubjectErased.describe(role),
            erased: state.erasedSubjects.contains(role), panel: engine.configuration.panelName, exportedAt: now,
            records: records)
    }

    /// A JSON value as a person reads it: a string as itself, a structure's strings and numbers joined.
    static func text(ofJSON json: String) -> String {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        else { return json }
        func leaves(_ value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let number as NSNumber: [number.stringValue]
            case let list as [Any]: list.flatMap(leaves)
            case let object as [String: Any]: object.keys.sorted().flatMap { leaves(object[$0]!) }
            default: []
            }
        }
        return leaves(value).filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// An event type in words: `case.notificationCorrected.v1` -> "Notification corrected".
    static func words(_ type: String) -> String {
        let parts = type.split(separator: ".")
        return (parts.count >= 2 ? String(parts[parts.count - 2]) : type).camelCaseWords
    }
}

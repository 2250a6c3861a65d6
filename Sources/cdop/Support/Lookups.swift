import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

// The CLI's questions of the read models (agencies, meetings, form_requests) and how it resolves what a person
// types (an id, a prefix, a name) to one thing. These queries could move to CDOPProjections beside CaseQueries.

/// One row of the agency directory.
struct AgencyRow: Encodable {
    var agencyId: String
    var name: String
    var kind: String
    var leadEmail: String?
    var contacts: [AgencyContact]
    var retired: Bool
}

/// One row of the meetings table.
struct MeetingRow: Encodable {
    var meetingId: String
    var type: String
    var title: String
    var startsAt: String?
    var endsAt: String?
    var status: String
    var invitees: Int
    var openActions: Int
    var agenda: [String]
}

/// One row of the form_requests table, with its case's reference.
struct FormRequestRow: Encodable {
    var requestId: String
    var caseId: String
    var reference: String
    var agencyId: String
    var agencyName: String
    var formType: String
    var contactEmail: String
    var requestedAt: String
    var dueDate: String
    var status: String
    var outstanding: Bool
    var reminders: Int
    var escalation: String?
}

enum ReadModels {
    static func agencies(includeRetired: Bool, in db: Database) throws -> [AgencyRow] {
        let filter = includeRetired ? "" : "WHERE retired = 0"
        return try Row.fetchAll(db, sql: "SELECT * FROM agencies \(filter) ORDER BY name COLLATE NOCASE, agency_id")
            .map(agency)
    }

    static func agency(_ row: Row) throws -> AgencyRow {
        let contactsJSON: String = row["contacts"]
        return AgencyRow(
            agencyId: row["agency_id"], name: row["name"], kind: row["kind"], leadEmail: row["lead_email"],
            contacts: (try? CanonicalJSON.decode([AgencyContact].self, from: Data(contactsJSON.utf8))) ?? [],
            retired: row["retired"])
    }

    static func meetings(type: String?, in db: Database) throws -> [MeetingRow] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM meetings \(type == nil ? "" : "WHERE type = ?") ORDER BY starts_at, meeting_id",
            arguments: StatementArguments(type.map { [$0] } ?? []))
        return try rows.map { row in
            let id: String = row["meeting_id"]
            let agenda = try String.fetchAll(
                db, sql: "SELECT case_id FROM meeting_agenda WHERE meeting_id = ? ORDER BY position", arguments: [id])
            return MeetingRow(
                meetingId: id, type: row["type"], title: row["title"], startsAt: row["starts_at"], endsAt: row["ends_at"],
                status: row["status"], invitees: row["invitees"], openActions: row["open_actions"],
                agenda: agenda.compactMap(CaseID.init).map(CaseTables.reference(of:)))
        }
    }

    static func formRequests(caseID: CaseID?, outstandingOnly: Bool, in db: Database) throws -> [FormRequestRow] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let caseID {
            conditions.append("case_id = ?")
            arguments += [caseID.description]
        }
        if outstandingOnly { conditions.append("outstanding = 1") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM form_requests \(filter) ORDER BY due_date, agency_name, request_id", arguments: arguments
        ).map { row in
            let caseId: String = row["case_id"]
            return FormRequestRow(
                requestId: row["request_id"], caseId: caseId,
                reference: CaseID(caseId).map(CaseTables.reference(of:)) ?? caseId, agencyId: row["agency_id"],
                agencyName: row["agency_name"], formType: row["form_type"], contactEmail: row["contact_email"],
                requestedAt: row["requested_at"], dueDate: row["due_date"], status: row["status"],
                outstanding: row["outstanding"], reminders: row["reminders"], escalation: row["escalation"])
        }
    }

    /// Ids in `table.column` starting with `prefix` (at most 2, enough to tell one from many).
    static func ids(in table: String, column: String, prefix: String, in db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT \(column) FROM \(table) WHERE \(column) LIKE ? || '%' LIMIT 2", arguments: [prefix])
    }
}

extension Engine {
    /// The agency a person means: its id, an unambiguous id prefix, or its name (without case).
    func resolveAgency(_ text: String) throws -> AgencyID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = AgencyID(trimmed) { return id }
        let matches: [String] = try store.read { db in
            let byName = try String.fetchAll(
                db, sql: "SELECT agency_id FROM agencies WHERE name = ? COLLATE NOCASE ORDER BY retired LIMIT 2",
                arguments: [trimmed])
            if !byName.isEmpty { return byName }
            guard trimmed.count >= 4, trimmed.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return [] }
            return try ReadModels.ids(in: "agencies", column: "agency_id", prefix: trimmed.lowercased(), in: db)
        }
        return try single(matches, kind: "agency", text: text, make: AgencyID.init)
    }

    /// The meeting a person means: its id or an unambiguous prefix of it.
    func resolveMeeting(_ text: String) throws -> MeetingID {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let id = MeetingID(trimmed) { return id }
        guard trimmed.count >= 4, trimmed.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw CommandError.notFound(kind: "meeting", reference: text)
        }
        let matches = try store.read { db in try ReadModels.ids(in: "meetings", column: "meeting_id", prefix: trimmed, in: db) }
        return try single(matches, kind: "meeting", text: text, make: MeetingID.init)
    }

    private func single<ID>(_ matches: [String], kind: String, text: String, make: (String) -> ID?) throws -> ID {
        switch matches.count {
        case 0: throw CommandError.notFound(kind: kind, reference: text)
        case 1:
            guard let id = make(matches[0]) else { throw CommandError.notFound(kind: kind, reference: text) }
            return id
        default: throw CommandError.ambiguous(kind: kind, reference: text, matches: matches.count)
        }
    }
}

extension CaseState {
    /// The form request a person means within this case: its id or an unambiguous prefix.
    func resolveRequest(_ text: String) throws -> FormRequest {
        let matches = Self.matching(text, formRequests, id: { $0.id.description })
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CommandError.notFound(kind: "form request", reference: "\(text) on this case")
        default: throw CommandError.ambiguous(kind: "form request", reference: text, matches: matches.count)
        }
    }

    /// The recommendation or action a person means within this case: its id or an unambiguous prefix.
    func resolveAction(_ text: String) throws -> Recommendation {
        let matches = Self.matching(text, recommendations, id: { $0.id.description })
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CommandError.notFound(kind: "action", reference: "\(text) on this case")
        default: throw CommandError.ambiguous(kind: "action", reference: text, matches: matches.count)
        }
    }

    private static func matching<T>(_ text: String, _ items: [T], id: (T) -> String) -> [T] {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return [] }
        if let exact = items.first(where: { id($0) == wanted }) { return [exact] }
        return items.filter { id($0).hasPrefix(wanted) }
    }
}

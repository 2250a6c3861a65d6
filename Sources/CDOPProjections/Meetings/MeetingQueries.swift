import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// One meeting in the list, with the areas of the cases on its agenda (a meeting belongs to those areas).
package struct MeetingListing: Sendable, Equatable {
    package var meetingID: String
    package var type: String
    package var title: String
    package var startsAt: Date?
    package var status: String
    /// The area of each case on the agenda, in agenda order (nil: a case outside the panel's areas).
    package var agendaAreas: [String?]
}

/// Questions asked of the meetings read model.
package enum MeetingQueries {
    /// Every meeting, latest first, with its agenda's areas.
    package static func list(in db: any SQLDatabase) throws -> [MeetingListing] {
        var areas: [String: [String?]] = [:]
        for row in try db.rows(
            """
            SELECT a.meeting_id, c.area_code FROM meeting_agenda a
            LEFT JOIN case_summaries c ON c.case_id = a.case_id ORDER BY a.meeting_id, a.position
            """)
        {
            areas[row["meeting_id"], default: []].append(row["area_code"])
        }
        return try db.rows("SELECT meeting_id, type, title, starts_at, status FROM meetings ORDER BY starts_at DESC")
            .map { row in
                let id: String = row["meeting_id"]
                let startsAt: String? = row["starts_at"]
                return MeetingListing(
                    meetingID: id, type: row["type"], title: row["title"],
                    startsAt: startsAt.flatMap(UTCTimestamp.parse),
                    status: row["status"], agendaAreas: areas[id] ?? [])
            }
    }

    /// The area of each of `caseIDs` that the case read model knows (a case outside the panel's areas maps to nil;
    /// a case the read model does not know maps to `.some(nil)` too).
    package static func areas(of caseIDs: [CaseID], in db: any SQLDatabase) throws -> [CaseID: String?] {
        var found = Dictionary(caseIDs.map { ($0, String?.none) }, uniquingKeysWith: { first, _ in first })
        guard !caseIDs.isEmpty else { return found }
        let placeholders = caseIDs.map { _ in "?" }.joined(separator: ", ")
        for row in try db.rows(
            "SELECT case_id, area_code FROM case_summaries WHERE case_id IN (\(placeholders))",
            arguments: (caseIDs.map(\.description)).map { $0 as (any SQLValueConvertible)? })
        {
            if let caseID = CaseID(row["case_id"] as String) { found[caseID] = .some(row["area_code"] as String?) }
        }
        return found
    }

    /// Every meeting, or those of `type`, soonest first, with its agenda's references: the command line's list.
    package static func summaries(type: String?, in db: any SQLDatabase) throws -> [MeetingSummary] {
        var agendas: [String: [String]] = [:]
        for row in try db.rows("SELECT meeting_id, case_id FROM meeting_agenda ORDER BY meeting_id, position") {
            agendas[row["meeting_id"], default: []].append(row["case_id"])
        }
        return try db.rows(
            "SELECT * FROM meetings \(type == nil ? "" : "WHERE type = ?") ORDER BY starts_at, meeting_id",
            arguments: (type.map { [$0] } ?? []).map { $0 as (any SQLValueConvertible)? }
        ).map { row in
            let id: String = row["meeting_id"]
            return MeetingSummary(
                meetingId: id, type: row["type"], title: row["title"], startsAt: row["starts_at"],
                endsAt: row["ends_at"],
                status: row["status"], invitees: row["invitees"], openActions: row["open_actions"],
                agenda: (agendas[id] ?? []).compactMap(CaseID.init).map(\.reference))
        }
    }

    /// The ids of the meetings whose id starts with `prefix` (at most 2).
    package static func ids(withPrefix prefix: String, in db: any SQLDatabase) throws -> [String] {
        try IDPrefix.matches(prefix, table: "meetings", column: "meeting_id", in: db)
    }
}

/// One meeting as the command line lists it (`cdop meeting list --json`).
package struct MeetingSummary: Encodable, Sendable, Equatable {
    package var meetingId: String
    package var type: String
    package var title: String
    package var startsAt: String?
    package var endsAt: String?
    package var status: String
    package var invitees: Int
    package var openActions: Int
    /// The references of the cases on the agenda, in agenda order.
    package var agenda: [String]
}

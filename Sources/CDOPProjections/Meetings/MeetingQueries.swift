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
    package static func list(in db: Database) throws -> [MeetingListing] {
        var areas: [String: [String?]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT a.meeting_id, c.area_code FROM meeting_agenda a
                LEFT JOIN case_summaries c ON c.case_id = a.case_id ORDER BY a.meeting_id, a.position
                """)
        {
            areas[row["meeting_id"], default: []].append(row["area_code"])
        }
        return try Row.fetchAll(db, sql: "SELECT meeting_id, type, title, starts_at, status FROM meetings ORDER BY starts_at DESC")
            .map { row in
                let id: String = row["meeting_id"]
                let startsAt: String? = row["starts_at"]
                return MeetingListing(
                    meetingID: id, type: row["type"], title: row["title"], startsAt: startsAt.flatMap(UTCTimestamp.parse),
                    status: row["status"], agendaAreas: areas[id] ?? [])
            }
    }

    /// The area of each of `caseIDs` that the case read model knows (a case outside the panel's areas maps to nil).
    package static func areas(of caseIDs: [CaseID], in db: Database) throws -> [CaseID: String?] {
        var found: [CaseID: String?] = [:]
        for caseID in caseIDs {
            let row = try Row.fetchOne(
                db, sql: "SELECT area_code FROM case_summaries WHERE case_id = ?", arguments: [caseID.description])
            found[caseID] = .some(row?["area_code"] as String?)
        }
        return found
    }
}

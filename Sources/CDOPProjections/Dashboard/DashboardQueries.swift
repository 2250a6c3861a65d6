import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// An outstanding Form B or supplementary request, with the time left and the next step of its chasing.
package struct OutstandingRequest: Sendable, Equatable {
    package var requestID: String
    package var caseID: String
    package var caseReference: String
    package var agencyName: String
    package var formType: String
    package var dueDate: CalendarDate
    package var status: String
    package var reminders: Int
    /// The next pending step of the request's schedule and when it fires.
    package var nextStep: String?
    package var nextStepAt: Date?
}

/// A meeting still to come.
package struct UpcomingMeeting: Sendable, Equatable {
    package var meetingID: String
    package var type: String
    package var title: String
    package var startsAt: Date?
    package var cases: Int
}

/// A case whose erasure was asked for and awaits two different people's approval.
package struct PendingErasure: Sendable, Equatable {
    package var caseID: String
    package var caseReference: String
    package var areaCode: String?
    package var requestedAt: Date
    /// Who asked: a username, or "retention schedule".
    package var requestedBy: String
    /// Different people who have approved so far (two are needed).
    package var approvals: Int
}

/// Open cases of one stage, by how long ago the death was notified.
package struct StageAgeRow: Sendable, Equatable {
    package var stage: String
    /// Counts for: under 30 days, 30 to 89, 90 to 179, 180 and over.
    package var byAge: [Int]
    package var total: Int { byAge.reduce(0, +) }
}

/// What the coordinator's dashboard reads, limited to some areas when the user is (empty: every area).
package enum DashboardQueries {
    /// Bands of days since notification for the open-cases chart.
    package static let ageBands = ["under 30 days", "30 to 89 days", "90 to 179 days", "180 days or more"]

    /// Cases notified and not yet triaged, newest first.
    package static func newNotifications(areas: Set<String>, limit: Int = 25, in db: any SQLDatabase) throws
        -> [CaseSummary]
    {
        try CaseQueries.list(stage: "notified", in: db).filter {
            within(areas, $0.areaCode) && $0.possibleDuplicateOf == nil
        }
        .sorted { $0.notifiedAt > $1.notifiedAt }.prefix(limit).map { $0 }
    }

    /// Erasures asked for and awaiting approval, oldest first (the end of a retention period, or a person's request).
    package static func erasuresAwaitingApproval(areas: Set<String>, in db: any SQLDatabase) throws -> [PendingErasure]
    {
        try db.rows(
            """
            SELECT case_id, reference, area_code, erasure_requested_at, erasure_requested_by, erasure_approvals
            FROM case_summaries WHERE erasure_requested_at IS NOT NULL
            ORDER BY erasure_requested_at, reference
            """
        ).compactMap { row -> PendingErasure? in
            guard let at = UTCTimestamp.parse(row["erasure_requested_at"]) else { return nil }
            return PendingErasure(
                caseID: row["case_id"], caseReference: row["reference"], areaCode: row["area_code"], requestedAt: at,
                requestedBy: row["erasure_requested_by"] ?? "", approvals: row["erasure_approvals"])
        }.filter { within(areas, $0.areaCode) }
    }

    /// Notifications that may be a death already notified, awaiting the coordinator's decision.
    package static func possibleDuplicates(areas: Set<String>, in db: any SQLDatabase) throws -> [CaseSummary] {
        try CaseSummary.opened(
            db.rows(
                """
                SELECT \(CaseTables.summaryColumns) FROM case_summaries
                WHERE possible_duplicate_of IS NOT NULL AND duplicate_of IS NULL
                ORDER BY notified_at DESC, reference
                """), in: db
        ).filter { within(areas, $0.areaCode) }
    }

    /// Outstanding requests, soonest due first.
    package static func outstandingRequests(areas: Set<String>, in db: any SQLDatabase) throws -> [OutstandingRequest] {
        let rows = try db.rows(
            """
            SELECT r.request_id, r.case_id, c.reference, c.area_code, r.agency_name, r.form_type, r.due_date, r.status,
                   r.reminders,
                   (SELECT t.step FROM timers t WHERE t.target = 'form-request:' || r.request_id AND t.state = 'pending'
                    ORDER BY t.due_at LIMIT 1) AS next_step,
                   (SELECT t.due_at FROM timers t WHERE t.target = 'form-request:' || r.request_id AND t.state = 'pending'
                    ORDER BY t.due_at LIMIT 1) AS next_at
            FROM form_requests r JOIN case_summaries c ON c.case_id = r.case_id
            WHERE r.outstanding = 1
            ORDER BY r.due_date, c.reference
            """)
        return rows.compactMap { row -> OutstandingRequest? in
            guard within(areas, row["area_code"]), let due = CalendarDate(iso: row["due_date"]) else { return nil }
            let nextAt: String? = row["next_at"]
            return OutstandingRequest(
                requestID: row["request_id"], caseID: row["case_id"], caseReference: row["reference"],
                agencyName: row["agency_name"], formType: row["form_type"], dueDate: due, status: row["status"],
                reminders: row["reminders"], nextStep: row["next_step"], nextStepAt: nextAt.flatMap(UTCTimestamp.parse))
        }
    }

    /// Meetings not yet held or cancelled, from `now` on.
    package static func upcomingMeetings(after now: Date, limit: Int = 10, in db: any SQLDatabase) throws
        -> [UpcomingMeeting]
    {
        try db.rows(
            """
            SELECT m.meeting_id, m.type, m.title, m.starts_at,
                   (SELECT COUNT(*) FROM meeting_agenda a WHERE a.meeting_id = m.meeting_id) AS cases
            FROM meetings m WHERE m.status = 'scheduled' AND m.starts_at >= ? ORDER BY m.starts_at LIMIT ?
            """, UTCTimestamp.string(from: now), limit
        ).map { row in
            let startsAt: String? = row["starts_at"]
            return UpcomingMeeting(
                meetingID: row["meeting_id"], type: row["type"], title: row["title"],
                startsAt: startsAt.flatMap(UTCTimestamp.parse), cases: row["cases"])
        }
    }

    /// Open cases (counted for the panel, not closed) by stage and days since notification.
    package static func openCasesByStageAndAge(areas: Set<String>, now: Date, in db: any SQLDatabase) throws
        -> [StageAgeRow]
    {
        var table: [String: [Int]] = [:]
        let open = try db.rows(openCasesSQL, arguments: (stageOrder).map { $0 as (any SQLValueConvertible)? })
        for row in open where within(areas, row["area_code"]) {
            let stage: String = row["stage"]
            let notified = UTCTimestamp.parse(row["notified_at"] as String) ?? now
            let days = Int(now.timeIntervalSince(notified) / 86_400)
            let band = days < 30 ? 0 : days < 90 ? 1 : days < 180 ? 2 : 3
            table[stage, default: [0, 0, 0, 0]][band] += 1
        }
        return stageOrder.compactMap { stage in table[stage].map { StageAgeRow(stage: stage, byAge: $0) } }
    }

    private static let openCasesSQL =
        "SELECT stage, area_code, notified_at FROM case_summaries WHERE stage IN ("
        + stageOrder.map { _ in "?" }.joined(separator: ", ") + ")"

    /// The stages of an open case, in the order a case goes through them.
    package static let stageOrder = [
        "notified", "triaged", "rapidResponseActive", "informationGathering", "awaitingExternal", "reviewMeetingHeld",
        "readyForPanel", "panelScheduled", "panelReviewed", "submittedToNCMD",
    ]

    private static func within(_ areas: Set<String>, _ code: String?) -> Bool {
        areas.isEmpty || code.map(areas.contains) == true
    }
}

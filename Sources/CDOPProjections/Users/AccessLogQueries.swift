import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// What the access log is asked: whose entries, about which case, since when, and how many at most.
package struct AccessLogFilter: Sendable, Equatable {
    package var userID: UserID?
    package var caseID: CaseID?
    package var since: Date?
    package var limit: Int

    package init(userID: UserID? = nil, caseID: CaseID? = nil, since: Date? = nil, limit: Int = 200) {
        self.userID = userID
        self.caseID = caseID
        self.since = since
        self.limit = max(1, limit)
    }
}

/// One use of a staff account, as an administrator reads it: when, who, what, and the case (never anything
/// personal about the child: the case's reference and id only).
package struct AccessLogEntry: Sendable, Equatable, Codable {
    package enum Kind: String, Sendable, Codable {
        case caseViewed, casesListed, accessRefused, signedIn, signInRefused, signedOut
    }

    package var at: Date
    package var userID: UserID
    /// The account's username; "(unknown account)" when the users table has no row for the stream.
    package var username: String
    package var kind: Kind
    /// In words: "Viewed the case page", "Refused GET /cases/:case: role does not allow it", "Signed in".
    package var what: String
    package var caseID: CaseID?
    package var caseReference: String?
    package var meetingID: MeetingID?
    /// The view of a case that was opened.
    package var view: CaseDataView?
    /// Why an access or a sign-in was refused (its code: `role`, `area`, `wrong-password`, …).
    package var reason: String?
    /// The route or action that was refused.
    package var route: String?
}

/// Entries newest first, at most the filter's limit, and how many more match.
package struct AccessLogPage: Sendable, Equatable, Codable {
    package var entries: [AccessLogEntry]
    package var more: Int

    package init(entries: [AccessLogEntry] = [], more: Int = 0) {
        self.entries = entries
        self.more = more
    }
}

/// The access log, read from the user streams' events (views of cases, refusals, sign-ins and sign-outs):
/// the one query the admin page and `cdop access log` both ask.
package enum AccessLogQueries {
    /// The event types the log shows.
    package static let eventTypes = [
        UserViewedCase.typeName, UserListedCases.typeName, UserAccessRefused.typeName, UserSignedIn.typeName,
        UserSignInRefused.typeName,
        UserSignedOut.typeName,
    ]

    /// The entries `filter` asks for, from `store`'s events (in their current shape) read in `db`.
    package static func entries(_ filter: AccessLogFilter, from store: any EventDatabase, in db: any SQLDatabase) throws
        -> AccessLogPage
    {
        // User streams are `user-<uuid>`: the range uses the (stream_id, stream_version) index.
        var conditions = [
            "stream_id >= 'user-' AND stream_id < 'user.'",
            "type IN (\(eventTypes.map { _ in "?" }.joined(separator: ", ")))",
        ]
        var arguments = eventTypes
        if let userID = filter.userID {
            conditions.append("stream_id = ?")
            arguments.append(userID.streamID)
        }
        if let caseID = filter.caseID {
            // The same question in each engine's JSON functions.
            conditions.append(
                db.engine == .sqlite
                    ? "(json_extract(data, '$.caseID') = ? OR (type = ? AND EXISTS "
                        + "(SELECT 1 FROM json_each(data, '$.caseIDs') WHERE value = ?)))"
                    : "(data::jsonb ->> 'caseID' = ? OR (type = ? AND EXISTS "
                        + "(SELECT 1 FROM jsonb_array_elements_text(data::jsonb -> 'caseIDs') AS e(value) WHERE value = ?)))"
            )
            arguments += [caseID.description, UserListedCases.typeName, caseID.description]
        }
        if let since = filter.since {
            conditions.append("recorded_at >= ?")
            arguments.append(UTCTimestamp.string(from: since))
        }
        let condition = conditions.joined(separator: " AND ")
        let total =
            try db.value(
                Int.self, "SELECT COUNT(*) FROM events WHERE " + condition,
                arguments: (arguments).map { $0 as (any SQLValueConvertible)? })
            ?? 0
        let events = try store.readNewest(where: condition, arguments: arguments, limit: filter.limit, in: db)
        let usernames = Dictionary(
            try db.rows("SELECT user_id, username FROM users").map {
                ($0["user_id"] as String, $0["username"] as String)
            },
            uniquingKeysWith: { first, _ in first })
        let entries = try events.compactMap { try entry($0, usernames: usernames) }
        return AccessLogPage(entries: entries, more: max(0, total - events.count))
    }

    private static func entry(_ recorded: RecordedEvent, usernames: [String: String]) throws -> AccessLogEntry? {
        let id = String(recorded.streamID.dropFirst("user-".count))
        guard let userID = UserID(id) else { return nil }
        let event: UserEvent = try recorded.decoded()
        var entry = AccessLogEntry(
            at: recorded.recordedAt, userID: userID, username: usernames[id] ?? "(unknown account)", kind: .signedIn,
            what: event.summary)
        switch event {
        case .caseViewed(let viewed):
            entry.kind = .caseViewed
            entry.what = "Viewed the \(viewed.view.label)"
            entry.view = viewed.view
            entry.caseID = viewed.caseID
        case .casesListed(let listed):
            entry.kind = .casesListed
            entry.what = listed.summary
        case .accessRefused(let refused):
            entry.kind = .accessRefused
            entry.what = "Refused \(refused.resource): \(refused.reason.label)"
            entry.reason = refused.reason.rawValue
            entry.route = refused.resource
            entry.caseID = refused.caseID
            entry.meetingID = refused.meetingID
        case .signInRefused(let refused):
            entry.kind = .signInRefused
            entry.reason = refused.reason.rawValue
        case .signedOut:
            entry.kind = .signedOut
        default:
            break
        }
        entry.caseReference = entry.caseID.map(\.reference)
        return entry
    }
}

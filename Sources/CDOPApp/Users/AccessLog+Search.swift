import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

extension AccessLog {
    /// The access log newest first, as an administrator asks for it: of the account `user` (its username or id),
    /// about the case `caseText` (its reference, id or an unambiguous prefix), from the start of the day `since`
    /// in England; at most `limit` entries, and how many more there are. The page and `cdop access log` both
    /// ask here.
    package func search(
        user: String? = nil, case caseText: String? = nil, since: CalendarDate? = nil, limit: Int = 200
    ) throws(CommandError) -> AccessLogPage {
        let caseID = try caseText.map { text throws(CommandError) in try engine.resolveCase(text) }
        let userID = try user.map { text throws(CommandError) in try account(text) }
        let start = since.map { LondonTime.instant(on: $0, at: TimeOfDay(hour: 0, minute: 0)!) }
        let filter = AccessLogFilter(userID: userID, caseID: caseID, since: start, limit: limit)
        let store = engine.store
        do {
            return try store.snapshot { db in try AccessLogQueries.entries(filter, from: store, in: db) }
        } catch {
            throw .store(error)
        }
    }

    /// The account a person means: its id or its username (without case).
    private func account(_ text: String) throws(CommandError) -> UserID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let found: UserSummary?
        do {
            found = try engine.store.snapshot { db in
                try UserID(trimmed).flatMap { try UserQueries.user($0, in: db) }
                    ?? UserQueries.user(named: trimmed, in: db)
            }
        } catch {
            throw .store(error)
        }
        guard let found else { throw .notFound(kind: "user", reference: text) }
        return found.userID
    }
}

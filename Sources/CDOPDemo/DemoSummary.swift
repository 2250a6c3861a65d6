import CDOPApp
import CDOPStore
import Foundation
import GRDB

/// What a demo load wrote, in counts only (no child's details), for printing after `cdop demo` or on the
/// server's first start.
package struct DemoSummary: Sendable, Equatable, Codable {
    /// The instant the history was brought up to.
    package var now: Date
    package var cases: Int
    /// Cases by stage name (every `CaseStage` has some).
    package var casesByStage: [String: Int]
    package var agencies: Int
    /// Meetings by type and status, e.g. "panel held": 13, "panel scheduled": 2.
    package var meetings: [String: Int]
    /// Outbox emails by state: "sent" (dispatched during the history), "pending" (due now or queued when the
    /// demo sends no mail), "failed", "cancelled".
    package var emails: [String: Int]
    package var timersPending: Int
    package var events: Int
    /// Where the history's emails went: a spool directory, or "outbox" when they were left to be sent.
    package var mail: String
    /// The user names and roles the history's events are recorded under. Extension point for accounts: whoever
    /// adds users creates one per actor (same name and role), so the timelines name real users; the demo itself
    /// creates no accounts and prints no passwords.
    package var actors: [Actor]

    /// Counts what `store` holds after a load.
    static func read(_ store: any EventDatabase, now: Date, mail: String, actors: [Actor]) throws(EventStoreError)
        -> DemoSummary
    {
        try store.snapshot { db in
            func counts(_ sql: String) throws -> [String: Int] {
                Dictionary(uniqueKeysWithValues: try db.rows(sql).map { ($0[0] as String, $0[1] as Int) })
            }
            let stages = try counts("SELECT stage, COUNT(*) FROM case_summaries GROUP BY stage")
            return DemoSummary(
                now: now, cases: stages.values.reduce(0, +), casesByStage: stages,
                agencies: try db.value(Int.self, "SELECT COUNT(*) FROM agencies") ?? 0,
                meetings: try counts("SELECT type || ' ' || status, COUNT(*) FROM meetings GROUP BY 1"),
                emails: try counts("SELECT state, COUNT(*) FROM outbox GROUP BY state"),
                timersPending: try db.value(Int.self, "SELECT COUNT(*) FROM timers WHERE state = 'pending'") ?? 0,
                events: try db.value(Int.self, "SELECT COUNT(*) FROM events") ?? 0,
                mail: mail, actors: actors)
        }
    }

    /// The summary in a few lines of text, counts only.
    package var lines: [String] {
        func list(_ counts: [String: Int]) -> String {
            counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        return [
            "Demo data loaded: \(cases) synthetic cases, \(agencies) agencies, \(meetings.values.reduce(0, +)) meetings, \(events) events.",
            "cases        \(list(casesByStage))",
            "meetings     \(list(meetings))",
            "emails       \(list(emails)) (\(mail == "outbox" ? "left in the outbox" : "history's mail spooled to \(mail)"))",
            "timers       \(timersPending) pending",
            "acting users \(actors.map { "\($0.name) (\($0.role))" }.joined(separator: ", "))",
        ]
    }
}

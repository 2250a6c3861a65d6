import CDOPDomain
import CDOPPrimitives
import CDOPStore
import Foundation
import GRDB

/// The timers read model: every step of every schedule started on a case, with its due time and state.
///
/// Written from the case's folded state, inside the append's transaction, so a timer is pending exactly as
/// long as the case says it is. A partial, covering index over pending timers lets a tick find what is due,
/// and everything it needs to fire it, without touching the rest of the table.
package enum TimerTables {
    package static let migration = SchemaMigration("projections.v1.timers") { db in
        try db.execute(
            """
            CREATE TABLE timers (
                timer_id         TEXT PRIMARY KEY,
                case_id          TEXT NOT NULL,
                target           TEXT NOT NULL,
                schedule_id      TEXT NOT NULL,
                schedule_version INTEGER NOT NULL,
                step             TEXT NOT NULL,
                action           TEXT NOT NULL,
                template         TEXT,
                due_at           TEXT,
                state            TEXT NOT NULL
            );
            CREATE INDEX timers_pending_by_due
                ON timers (due_at, timer_id, case_id, target, schedule_id, step) WHERE state = 'pending';
            CREATE INDEX timers_by_case ON timers (case_id);
            """)
    }

    /// Brings the timers of one case in line with `state`. Unchanged rows are not written (an upsert whose
    /// update is skipped when nothing differs), so firing one step rewrites one row, not the case's thirty.
    /// `fresh`: the table holds no timer of this case yet (a rebuild's scratch file), so none can be left over.
    package static func write(_ state: CaseState, fresh: Bool = false, in db: any SQLDatabase) throws {
        guard let caseID = state.caseID?.description else { return }
        let timers = state.timers
        let upsert = """
            INSERT INTO timers (timer_id, case_id, target, schedule_id, schedule_version, step, action, template,
                due_at, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (timer_id) DO UPDATE SET schedule_version = excluded.schedule_version,
                action = excluded.action, template = excluded.template, due_at = excluded.due_at,
                state = excluded.state
            WHERE timers.schedule_version IS DISTINCT FROM excluded.schedule_version OR timers.action IS DISTINCT FROM excluded.action
                OR timers.template IS DISTINCT FROM excluded.template OR timers.due_at IS DISTINCT FROM excluded.due_at OR timers.state IS DISTINCT FROM excluded.state
            """
        for timer in timers {
            try db.execute(
                upsert,
                timer.id.lowercasedText, caseID, timer.run.target.key, timer.run.reference.id,
                timer.run.reference.version, timer.step.name, label(timer.step.action), timer.step.template,
                timer.dueAt.map(UTCTimestamp.string(from:)), timer.state.rawValue)
        }
        guard !fresh else { return }
        let existing = "SELECT COUNT(*) FROM timers WHERE case_id = ?"
        if try db.value(Int.self, existing, arguments: [caseID]) != timers.count {
            let keep = Set(timers.map(\.id.lowercasedText))
            let ids = try db.values(String.self, "SELECT timer_id FROM timers WHERE case_id = ?", caseID)
            for id in ids where !keep.contains(id) {
                try db.execute("DELETE FROM timers WHERE timer_id = ?", id)
            }
        }
    }

    /// A short description of a step's action for lists.
    package static func label(_ action: ScheduleAction) -> String {
        switch action {
        case .due: "due"
        case .remind(let step, let kind): "\(kind == .finalReminder ? "final-reminder" : "reminder") \(step)"
        case .escalate(let level): "escalate to \(level.rawValue)"
        case .target(let name, let to): "\(name) target to " + to.map(\.rawValue).joined(separator: ", ")
        case .requestErasure(let to): "request erasure to " + to.map(\.rawValue).joined(separator: ", ")
        }
    }
}

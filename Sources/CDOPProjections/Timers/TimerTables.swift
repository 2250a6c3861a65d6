import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// The timers read model: every step of every schedule started on a case, with its due time and state.
///
/// Written from the case's folded state, inside the append's transaction, so a timer is pending exactly as
/// long as the case says it is. A partial index over pending timers lets a tick find what is due without
/// reading the rest.
package enum TimerTables {
    package static let migration = SchemaMigration("projections.v1.timers") { db in
        try db.execute(
            sql: """
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
                CREATE INDEX timers_pending_by_due ON timers (due_at) WHERE state = 'pending';
                CREATE INDEX timers_by_case ON timers (case_id);
                """)
    }

    /// Replaces the timers of one case with those of `state`.
    package static func write(_ state: CaseState, in db: Database) throws {
        guard let caseID = state.caseID else { return }
        try db.execute(sql: "DELETE FROM timers WHERE case_id = ?", arguments: [caseID.description])
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO timers (timer_id, case_id, target, schedule_id, schedule_version, step, action, template,
                    due_at, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for timer in state.timers {
            try insert.execute(arguments: [
                timer.id.uuidString.lowercased(), caseID.description, timer.run.target.key, timer.run.reference.id,
                timer.run.reference.version, timer.step.name, label(timer.step.action), timer.step.template,
                timer.dueAt.map(UTCTimestamp.string(from:)), timer.state.rawValue,
            ])
        }
    }

    /// A short description of a step's action for lists.
    package static func label(_ action: ScheduleAction) -> String {
        switch action {
        case .due: "due"
        case .remind(let step, let kind): "\(kind == .finalReminder ? "final-reminder" : "reminder") \(step)"
        case .escalate(let level): "escalate to \(level.rawValue)"
        case .target(let name, let to): "\(name) target to " + to.map(\.rawValue).joined(separator: ", ")
        }
    }
}

import CDOPDomain
import CDOPStore
import GRDB

/// Meetings (rapid response, child death review, panel): one row each, and their agendas.
package enum MeetingTables {
    package static let migration = SchemaMigration("projections.v1.meetings") { db in
        try db.execute(
            """
            CREATE TABLE meetings (
                meeting_id     TEXT PRIMARY KEY,
                type           TEXT NOT NULL,
                title          TEXT NOT NULL,
                starts_at      TEXT,
                ends_at        TEXT,
                status         TEXT NOT NULL,
                sequence       INTEGER NOT NULL,
                invitees       INTEGER NOT NULL,
                open_actions   INTEGER NOT NULL,
                stream_version INTEGER NOT NULL
            );
            CREATE INDEX meetings_by_start ON meetings (starts_at);
            CREATE TABLE meeting_agenda (
                meeting_id TEXT NOT NULL,
                position   INTEGER NOT NULL,
                case_id    TEXT NOT NULL,
                PRIMARY KEY (meeting_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX meeting_agenda_by_case ON meeting_agenda (case_id);
            """)
    }

    /// `fresh`: the tables hold no row of this meeting yet.
    package static func write(_ state: MeetingState, version: Int64, fresh: Bool = false, in db: any SQLDatabase) throws
    {
        guard let id = state.meetingID, let type = state.type else { return }
        let status = state.isCancelled ? "cancelled" : state.isHeld ? "held" : "scheduled"
        try db.execute(
            """
                INSERT INTO meetings (meeting_id, type, title, starts_at, ends_at, status, sequence, invitees,
                    open_actions, stream_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (meeting_id) DO UPDATE SET type = excluded.type, title = excluded.title,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, status = excluded.status,
                    sequence = excluded.sequence, invitees = excluded.invitees,
                    open_actions = excluded.open_actions, stream_version = excluded.stream_version
            """,
            arguments: [
                id.description, type.rawValue, state.title, state.startsAt.map(UTCTimestamp.string(from:)),
                state.endsAt.map(UTCTimestamp.string(from:)), status, state.sequence, state.invitees.count,
                state.actions.filter { $0.completedOn == nil }.count, version,
            ])
        try writeAgenda(state.agenda.map(\.description), of: id.description, fresh: fresh, in: db)
    }

    /// Brings the stored agenda in line with `agenda`. Cases are mostly added at the end (a historic import
    /// adds hundreds to one panel, a batch at a time), so only what follows the last stored row is written when
    /// that row is still in its place. A case is on an agenda once and the agenda keeps its order (cases are
    /// appended or removed, never moved), so any removal before the end moves that row; then the agenda is
    /// written again whole.
    private static func writeAgenda(_ agenda: [String], of id: String, fresh: Bool, in db: any SQLDatabase) throws {
        let last =
            fresh
            ? nil
            : try db.row(
                "SELECT position, case_id FROM meeting_agenda WHERE meeting_id = ? ORDER BY position DESC LIMIT 1", id)
        var from = 0
        if let last {
            let position: Int = last[0]
            let caseID: String = last[1]
            if position < agenda.count, agenda[position] == caseID {
                from = position + 1
            } else {
                try db.execute("DELETE FROM meeting_agenda WHERE meeting_id = ?", id)
            }
        }
        guard from < agenda.count else { return }
        let insert = "INSERT INTO meeting_agenda (meeting_id, position, case_id) VALUES (?, ?, ?)"
        for position in from..<agenda.count {
            try db.execute(insert, arguments: [id, position, agenda[position]])
        }
    }

    package static let projection = FoldingProjection<MeetingDecider>(name: "meetings", streamPrefix: "meeting") {
        state, streamID, version, fresh, db in
        try write(state, version: version, fresh: fresh, in: db)
        try OutboxTables.write(state.outboxEmails, streamID: streamID, caseID: nil, in: db)
    }
}

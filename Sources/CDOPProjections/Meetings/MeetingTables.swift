import CDOPDomain
import CDOPStore
import GRDB

/// Meetings (rapid response, child death review, panel): one row each, and their agendas.
package enum MeetingTables {
    package static let migration = SchemaMigration("projections.v1.meetings") { db in
        try db.execute(
            sql: """
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

    package static func write(_ state: MeetingState, version: Int64, in db: Database) throws {
        guard let id = state.meetingID, let type = state.type else { return }
        let status = state.isCancelled ? "cancelled" : state.isHeld ? "held" : "scheduled"
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO meetings (meeting_id, type, title, starts_at, ends_at, status, sequence, invitees,
                    open_actions, stream_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.description, type.rawValue, state.title, state.startsAt.map(UTCTimestamp.string(from:)),
                state.endsAt.map(UTCTimestamp.string(from:)), status, state.sequence, state.invitees.count,
                state.actions.filter { $0.completedOn == nil }.count, version,
            ])
        try db.execute(sql: "DELETE FROM meeting_agenda WHERE meeting_id = ?", arguments: [id.description])
        for (position, caseID) in state.agenda.enumerated() {
            try db.execute(
                sql: "INSERT INTO meeting_agenda (meeting_id, position, case_id) VALUES (?, ?, ?)",
                arguments: [id.description, position, caseID.description])
        }
    }

    package static let projection = FoldingProjection<MeetingDecider>(name: "meetings", streamPrefix: "meeting") {
        state, streamID, version, db in
        try write(state, version: version, in: db)
        try OutboxTables.write(state.outboxEmails, streamID: streamID, caseID: nil, in: db)
    }
}

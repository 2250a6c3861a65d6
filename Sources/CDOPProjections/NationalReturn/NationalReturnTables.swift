import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// Why each case is not ready for the national return, one row a reason, so the dashboard counts them without
/// folding cases. Written from the case's folded state (`NationalReturnReadiness`), so it holds the reasons the
/// events decide (what is finalised, returned or recorded); the empty required items, which depend on the form
/// definitions, are found where a case is shown (`NationalReturnCheck`).
package enum NationalReturnTables {
    package static let migration = SchemaMigration("projections.v5.national-return-reasons") { db in
        try db.execute(
            """
            CREATE TABLE national_return_reasons (
                case_id   TEXT NOT NULL,
                position  INTEGER NOT NULL,
                kind      TEXT NOT NULL,
                part      TEXT NOT NULL,
                detail    TEXT NOT NULL,
                PRIMARY KEY (case_id, position)
            ) WITHOUT ROWID;
            """)
    }

    /// Brings the case's rows in line with its readiness, writing only when they changed.
    package static func write(_ state: CaseState, fresh: Bool, in db: any SQLDatabase) throws {
        guard let caseID = state.caseID else { return }
        let id = caseID.description
        let rows = NationalReturnReadiness(state).reasons.map {
            [$0.kind.rawValue, $0.part.description, $0.description]
        }
        if !fresh {
            let stored = try db.rows(
                "SELECT kind, part, detail FROM national_return_reasons WHERE case_id = ? ORDER BY position", id
            ).map { row -> [String] in [row["kind"], row["part"], row["detail"]] }
            guard stored != rows else { return }
            try db.execute("DELETE FROM national_return_reasons WHERE case_id = ?", id)
        }
        guard !rows.isEmpty else { return }
        let insert =
            "INSERT INTO national_return_reasons (case_id, position, kind, part, detail) VALUES (?, ?, ?, ?, ?)"
        for (position, row) in rows.enumerated() {
            try db.execute(insert, id, position, row[0], row[1], row[2])
        }
    }
}

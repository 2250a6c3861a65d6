import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// The coordinator's read model of cases: one summary row per case, the keys duplicates are found by, and
/// one row per form request.
package enum CaseTables {
    /// Writing a case reads its duplicate keys by case: without this index every write scanned every key, and
    /// appends and rebuilds slowed as the panel's history grew. An index only, so no replay after the upgrade.
    package static let duplicateKeysByCaseMigration = SchemaMigration("indexes.v1.case-duplicate-keys-by-case") { db in
        try db.execute("CREATE INDEX IF NOT EXISTS case_duplicate_keys_by_case ON case_duplicate_keys (case_id)")
    }

    package static let migration = SchemaMigration("projections.v1.cases") { db in
        try db.execute(
            """
            CREATE TABLE case_summaries (
                case_id              TEXT PRIMARY KEY,
                reference            TEXT NOT NULL UNIQUE,
                stage                TEXT NOT NULL,
                counts_for_panel     INTEGER NOT NULL,
                child_name           TEXT NOT NULL,
                sex                  TEXT NOT NULL,
                date_of_birth        TEXT NOT NULL,
                date_of_death        TEXT NOT NULL,
                area_code            TEXT,
                expectation          TEXT,
                notified_at          TEXT NOT NULL,
                possible_duplicate_of TEXT,
                duplicate_of         TEXT,
                outstanding_requests INTEGER NOT NULL,
                stream_version       INTEGER NOT NULL
            );
            CREATE INDEX case_summaries_by_stage ON case_summaries (stage, area_code);
            CREATE TABLE case_duplicate_keys (
                key     TEXT NOT NULL,
                case_id TEXT NOT NULL,
                PRIMARY KEY (key, case_id)
            ) WITHOUT ROWID;
            CREATE TABLE form_requests (
                request_id      TEXT PRIMARY KEY,
                case_id         TEXT NOT NULL,
                agency_id       TEXT NOT NULL,
                agency_name     TEXT NOT NULL,
                form_type       TEXT NOT NULL,
                contact_email   TEXT NOT NULL,
                requested_at    TEXT NOT NULL,
                due_date        TEXT NOT NULL,
                status          TEXT NOT NULL,
                outstanding     INTEGER NOT NULL,
                reminders       INTEGER NOT NULL,
                escalation      TEXT
            );
            CREATE INDEX form_requests_by_case ON form_requests (case_id);
            CREATE INDEX form_requests_outstanding ON form_requests (outstanding, due_date);
            """)
    }

    /// A reference is not unique: two cases whose ids begin with the same eight hex digits share it (a panel
    /// with 40,000 cases has such a pair about one time in five). The first schema made it UNIQUE, so writing
    /// the second case's summary (INSERT OR REPLACE) silently deleted the first's, and the case vanished from
    /// every list until the next write to it. A rebuild's comparison found it. The table is made again without
    /// the constraint, its rows kept (so a crash before the refill leaves no fewer than before), and, being a
    /// projection migration, refilled from the events when a database upgrades.
    package static let sharedReferencesMigration = SchemaMigration("projections.v2.case-summaries-shared-references") {
        db in
        try db.execute(
            """
            CREATE TABLE case_summaries_shared_references (
                case_id              TEXT PRIMARY KEY,
                reference            TEXT NOT NULL,
                stage                TEXT NOT NULL,
                counts_for_panel     INTEGER NOT NULL,
                child_name           TEXT NOT NULL,
                sex                  TEXT NOT NULL,
                date_of_birth        TEXT NOT NULL,
                date_of_death        TEXT NOT NULL,
                area_code            TEXT,
                expectation          TEXT,
                notified_at          TEXT NOT NULL,
                possible_duplicate_of TEXT,
                duplicate_of         TEXT,
                outstanding_requests INTEGER NOT NULL,
                stream_version       INTEGER NOT NULL
            );
            INSERT INTO case_summaries_shared_references SELECT * FROM case_summaries;
            DROP TABLE case_summaries;
            ALTER TABLE case_summaries_shared_references RENAME TO case_summaries;
            CREATE INDEX case_summaries_by_stage ON case_summaries (stage, area_code);
            """)
    }

    /// The case's reference in another record (a historic import's `reference`), found by `cdop case show B11-001`.
    /// A new column, so a projection migration: a database upgrading fills it from its events.
    package static let externalReferenceMigration = SchemaMigration("projections.v3.case-summaries-external-reference")
    { db in
        try db.execute(
            """
            ALTER TABLE case_summaries ADD COLUMN external_reference TEXT;
            CREATE INDEX case_summaries_by_external_reference ON case_summaries (external_reference COLLATE NOCASE)
                WHERE external_reference IS NOT NULL;
            """)
    }

    /// What the coordinator finds a case by on `/cases`: the child's names folded as the duplicate matcher folds
    /// them, and the NHS number's digits. New columns, so a projection migration: an upgrade fills them from events.
    package static let searchMigration = SchemaMigration("projections.v4.case-summaries-search") { db in
        try db.execute(
            """
            ALTER TABLE case_summaries ADD COLUMN folded_names TEXT NOT NULL DEFAULT '';
            ALTER TABLE case_summaries ADD COLUMN nhs_number TEXT;
            CREATE INDEX case_summaries_by_nhs_number ON case_summaries (nhs_number) WHERE nhs_number IS NOT NULL;
            """)
    }

    /// The erasure asked for on a case and awaiting its approvals: when, by whom, and how many different people
    /// have approved. New columns, so a projection migration: an upgrade fills them from events.
    package static let erasureMigration = SchemaMigration("projections.v5.case-summaries-erasure") { db in
        try db.execute(
            """
            ALTER TABLE case_summaries ADD COLUMN erasure_requested_at TEXT;
            ALTER TABLE case_summaries ADD COLUMN erasure_requested_by TEXT;
            ALTER TABLE case_summaries ADD COLUMN erasure_approvals INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX case_summaries_awaiting_erasure ON case_summaries (erasure_requested_at)
                WHERE erasure_requested_at IS NOT NULL;
            """)
    }

    /// The read models' personal columns are sealed (the child's under the child's key, a form contact's under theirs) and the
    /// search columns hold tokens
    /// (`ReadModelSealing`), so the file holds no name, date of birth or NHS number in the clear.
    package static let sealedColumnsMigration = SchemaMigration("projections.v6.personal-columns-sealed") { db in
        try db.execute("UPDATE case_summaries SET folded_names = '', nhs_number = NULL")
        try db.execute("DELETE FROM case_duplicate_keys")
    }

    /// The columns a `CaseSummary` is read from, its personal ones opened.
    package static let summaryColumns = "*"
    /// The columns of `case_summaries` sealed under the child's key, opened as they are read.
    package static let sealedSummaryColumns = ["child_name", "date_of_birth"]

    /// Brings the rows of one case in line with `state`, writing only what changed. `fresh`: the tables hold
    /// no row of this case yet (a rebuild's scratch file), so there is nothing stored to compare with.
    package static func write(_ state: CaseState, version: Int64, fresh: Bool = false, in db: any SQLDatabase) throws {
        guard let caseID = state.caseID, let notification = state.notification, let stage = state.stage else { return }
        let id = caseID.description
        let child = state.erasedSubjects.contains("child") ? nil : notification.child
        try db.execute(
            """
                INSERT INTO case_summaries (case_id, reference, stage, counts_for_panel, child_name, sex,
                    date_of_birth, date_of_death, area_code, expectation, notified_at, possible_duplicate_of,
                    duplicate_of, outstanding_requests, stream_version, external_reference, folded_names, nhs_number,
                    erasure_requested_at, erasure_requested_by, erasure_approvals)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id) DO UPDATE SET reference = excluded.reference, stage = excluded.stage,
                    counts_for_panel = excluded.counts_for_panel, child_name = excluded.child_name,
                    sex = excluded.sex, date_of_birth = excluded.date_of_birth,
                    date_of_death = excluded.date_of_death, area_code = excluded.area_code,
                    expectation = excluded.expectation, notified_at = excluded.notified_at,
                    possible_duplicate_of = excluded.possible_duplicate_of, duplicate_of = excluded.duplicate_of,
                    outstanding_requests = excluded.outstanding_requests, stream_version = excluded.stream_version,
                    external_reference = excluded.external_reference, folded_names = excluded.folded_names,
                    nhs_number = excluded.nhs_number, erasure_requested_at = excluded.erasure_requested_at,
                    erasure_requested_by = excluded.erasure_requested_by,
                    erasure_approvals = excluded.erasure_approvals
            """, id, caseID.reference, stage.name, stage.countsForPanel,
            try db.sealColumn(notification.child.name.fullName, subject: "case-\(id)/child"),
            notification.child.sex.rawValue,
            try db.sealColumn(notification.child.dateOfBirth.iso, subject: "case-\(id)/child"),
            notification.death.date.iso,
            state.areaCode, state.expectation?.rawValue,
            UTCTimestamp.string(from: state.receivedAt ?? Date(timeIntervalSince1970: 0)),
            state.possibleDuplicateOf?.description, state.duplicateOf?.description,
            state.outstandingRequests.count, version, state.externalReference,
            try db.searchTokens(child.map { ChildNameTerms.terms(of: $0.name).joined(separator: " ") } ?? ""),
            try child?.nhsNumber.number.map { try db.searchToken($0.text.filter(\.isNumber)) },
            state.erasureApproval.map { UTCTimestamp.string(from: $0.requestedAt) }, state.erasureApproval?.requestedBy,
            state.erasureApproval?.approvedBy.count ?? 0)
        try writeDuplicateKeys(state, notification, id, fresh: fresh, in: db)
        try writeRequests(state, id, in: db)
        try PractitionerLinkTables.write(state, id, in: db)
        try NationalReturnTables.write(state, fresh: fresh, in: db)
    }

    /// A confirmed duplicate is no longer a place to link new notifications to: its primary is; nor is a case
    /// whose child was erased. The keys are stored as their tokens.
    private static func writeDuplicateKeys(
        _ state: CaseState, _ notification: DeathNotification, _ id: String, fresh: Bool, in db: any SQLDatabase
    ) throws {
        let linkable = state.duplicateOf == nil && !state.erasedSubjects.contains("child")
        let keys = linkable ? try tokens(of: DuplicateMatcher.keys(for: notification).map(\.description), in: db) : []
        let stored: Set<String> =
            fresh
            ? []
            : Set(
                try db.values(String.self, "SELECT key FROM case_duplicate_keys WHERE case_id = ?", id))
        guard keys != stored else { return }
        for key in stored.subtracting(keys) {
            try db.execute("DELETE FROM case_duplicate_keys WHERE key = ? AND case_id = ?", key, id)
        }
        for key in keys.subtracting(stored) {
            try db.execute("INSERT INTO case_duplicate_keys (key, case_id) VALUES (?, ?)", key, id)
        }
    }

    /// The search tokens of `terms`.
    static func tokens(of terms: [String], in db: any SQLDatabase) throws -> Set<String> {
        Set(try terms.map(db.searchToken))
    }

    /// A request's contact email is sealed under the contact's key (`contact-REQUEST`), as the events seal it.
    private static func writeRequests(_ state: CaseState, _ id: String, in db: any SQLDatabase) throws {
        let upsert = """
            INSERT INTO form_requests (request_id, case_id, agency_id, agency_name, form_type, contact_email,
                requested_at, due_date, status, outstanding, reminders, escalation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (request_id) DO UPDATE SET agency_name = excluded.agency_name,
                contact_email = excluded.contact_email, due_date = excluded.due_date, status = excluded.status,
                outstanding = excluded.outstanding, reminders = excluded.reminders, escalation = excluded.escalation
            WHERE form_requests.agency_name IS DISTINCT FROM excluded.agency_name OR form_requests.contact_email IS DISTINCT FROM excluded.contact_email
                OR form_requests.due_date IS DISTINCT FROM excluded.due_date OR form_requests.status IS DISTINCT FROM excluded.status
                OR form_requests.outstanding IS DISTINCT FROM excluded.outstanding OR form_requests.reminders IS DISTINCT FROM excluded.reminders
                OR form_requests.escalation IS DISTINCT FROM excluded.escalation
            """
        for request in state.formRequests {
            try db.execute(
                upsert,
                request.id.description, id, request.agencyID.description, request.agencyName,
                request.formType.rawValue,
                try db.sealColumn(request.contactEmail, subject: "case-\(id)/contact-\(request.id)"),
                UTCTimestamp.string(from: request.requestedAt),
                request.dueDate.iso, request.status.label, request.isOutstanding, request.remindersIssued.count,
                request.escalation?.label)
        }
    }

    /// The projection keeping these tables, inline with every case append.
    package static let projection = PassiveEventsSkipped(
        folding: FoldingProjection<CaseDecider>(name: "cases", streamPrefix: "case") {
            state, _, version, fresh, db in
            try write(state, version: version, fresh: fresh, in: db)
            try TimerTables.write(state, fresh: fresh, in: db)
            try ReportFactTables.write(state, in: db)
            try NationalReturnQueueTables.write(state, in: db)
            if let caseID = state.caseID {
                try OutboxTables.write(
                    state.outboxEmails, streamID: caseID.streamID, caseID: caseID.description, in: db)
            }
        })

    /// Events that change no case state, only the stream's length: a practitioner opening a form. A case appended
    /// only these has just its summary's stream version moved on, instead of every row of the case written again
    /// (a morning when every agency opens its link appends one per opening).
    static let passiveTypeNames: Set<String> = [FormOpened.typeName]

    /// The case projection, passing over what passive events leave unchanged.
    package struct PassiveEventsSkipped: InlineProjection {
        package let folding: FoldingProjection<CaseDecider>
        package var name: String { folding.name }

        package func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
            let cases = events.filter { $0.streamID.hasPrefix("case-") }
            let active = Set(cases.filter { !passiveTypeNames.contains($0.type) }.map(\.streamID))
            try folding.apply(cases.filter { active.contains($0.streamID) }, in: context)
            var passive: [String: Int64] = [:]
            for event in cases where !active.contains(event.streamID) {
                passive[event.streamID] = max(passive[event.streamID] ?? 0, event.streamVersion)
            }
            for (stream, version) in passive {
                try context.db.execute(
                    "UPDATE case_summaries SET stream_version = ? WHERE case_id = ?",
                    arguments: [version, String(stream.dropFirst("case-".count))])
            }
        }

        /// The same projection sharing `cache`.
        package func sharing(_ cache: StateCache) -> PassiveEventsSkipped {
            PassiveEventsSkipped(folding: folding.sharing(cache))
        }
    }
}

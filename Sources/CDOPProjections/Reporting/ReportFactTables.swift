import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// The annual report's read model: one row of facts per case, kept inline with the case's events and
/// rebuilt by `cdop rebuild` like every other read model. It holds no names, dates of birth or addresses:
/// only what the published tables count (age band, sex, ethnicity, area, category, outcome, timeliness).
package enum ReportFactTables {
    package static let migration = SchemaMigration("projections.v1.report-facts") { db in
        try db.execute(
            """
            CREATE TABLE report_facts (
                case_id               TEXT PRIMARY KEY,
                counts_for_panel      INTEGER NOT NULL,
                stage                 TEXT NOT NULL,
                notified_on           TEXT NOT NULL,
                died_on               TEXT NOT NULL,
                sex                   TEXT NOT NULL,
                age_band              TEXT NOT NULL,
                ethnicity             TEXT NOT NULL,
                area_code             TEXT,
                expectation           TEXT,
                rapid_response        INTEGER NOT NULL,
                rapid_response_days   INTEGER,
                reviewed_on           TEXT,
                review_days           INTEGER,
                category              INTEGER,
                outcome               TEXT,
                legacy_preventability TEXT,
                learning_themes       TEXT NOT NULL,
                actions_open          INTEGER NOT NULL,
                actions_closed        INTEGER NOT NULL
            );
            CREATE INDEX report_facts_by_notified ON report_facts (notified_on);
            CREATE INDEX report_facts_by_reviewed ON report_facts (reviewed_on);
            CREATE INDEX report_facts_outstanding ON report_facts (notified_on) WHERE reviewed_on IS NULL;
            """)
    }

    /// The dates the review moved on (`ReviewTimeline`): what stood where at the end of a past reporting year.
    package static let timelineMigration = SchemaMigration("projections.v2.report-facts-review-timeline") { db in
        try db.execute("ALTER TABLE report_facts ADD COLUMN review_timeline TEXT NOT NULL DEFAULT ''")
    }

    /// Learning themes are stored one per line, sorted and without repeats.
    package static let themeSeparator: Character = "\n"

    /// Writes the facts row of one case (replacing the previous one).
    package static func write(_ state: CaseState, in db: any SQLDatabase) throws {
        guard let caseID = state.caseID, let notification = state.notification, let stage = state.stage else { return }
        let died = notification.death.date
        let outcome = state.panelOutcome
        let themes = Set((outcome?.learningPoints ?? []).map(\.theme)).sorted().joined(
            separator: String(themeSeparator))
        let firstHeld = state.rapidResponse?.firstMeetingHeldAt.map { died.days(until: LondonTime.day(of: $0)) }
        try db.execute(
            """
                INSERT INTO report_facts (case_id, counts_for_panel, stage, notified_on, died_on, sex,
                    age_band, ethnicity, area_code, expectation, rapid_response, rapid_response_days, reviewed_on,
                    review_days, category, outcome, legacy_preventability, learning_themes, actions_open,
                    actions_closed, review_timeline)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id) DO UPDATE SET counts_for_panel = excluded.counts_for_panel,
                    stage = excluded.stage, notified_on = excluded.notified_on, died_on = excluded.died_on,
                    sex = excluded.sex, age_band = excluded.age_band, ethnicity = excluded.ethnicity,
                    area_code = excluded.area_code, expectation = excluded.expectation,
                    rapid_response = excluded.rapid_response, rapid_response_days = excluded.rapid_response_days,
                    reviewed_on = excluded.reviewed_on, review_days = excluded.review_days,
                    category = excluded.category, outcome = excluded.outcome,
                    legacy_preventability = excluded.legacy_preventability,
                    learning_themes = excluded.learning_themes, actions_open = excluded.actions_open,
                    actions_closed = excluded.actions_closed, review_timeline = excluded.review_timeline
            """, caseID.description, stage.countsForPanel, stage.name, notification.notifier.dateNotified.iso, died.iso,
            notification.child.sex.rawValue, AgeBand(born: notification.child.dateOfBirth, died: died).rawValue,
            notification.child.ethnicity.rawValue, state.areaCode, state.expectation?.rawValue,
            state.rapidResponse != nil, firstHeld, outcome?.reviewedOn.iso, state.reviewDaysExcludingPauses,
            outcome?.primaryCategory.rawValue, outcome?.outcome?.rawValue, outcome?.legacyPreventability?.rawValue,
            themes, state.recommendations.filter(\.isOpen).count, state.recommendations.filter { !$0.isOpen }.count,
            ReviewTimeline(state).encoded)
    }
}

import CDOPDomain
import CDOPProjections
import CDOPStore

/// Reads the annual report's facts from the `report_facts` read model.
package enum ReportFacts {
    /// The facts a report of `period` needs: deaths notified or reviewed in it, and cases that may have been
    /// outstanding at its end (not reviewed by then, or reopened since).
    package static func load(for period: ReportPeriod, in db: any SQLDatabase) throws -> [CaseFact] {
        let from = period.from.iso
        let to = period.to.iso
        return try db.rows(
            """
            SELECT * FROM report_facts WHERE counts_for_panel = 1 AND notified_on BETWEEN ? AND ?
            UNION SELECT * FROM report_facts WHERE counts_for_panel = 1 AND reviewed_on BETWEEN ? AND ?
            UNION SELECT * FROM report_facts WHERE counts_for_panel = 1 AND notified_on <= ?
                AND (reviewed_on IS NULL OR reviewed_on > ? OR instr(review_timeline, 'O:') > 0)
            """, from, to, from, to, to, to
        ).map(fact)
    }

    /// One row as a fact; a value the domain does not know is a sign of a damaged read model.
    static func fact(_ row: SQLRow) throws -> CaseFact {
        func date(_ column: String) throws -> CalendarDate? {
            guard let text: String = row[column] else { return nil }
            guard let date = CalendarDate(iso: text) else { throw ReportError.unreadable("\(column) \"\(text)\"") }
            return date
        }
        func known<T: RawRepresentable>(_ column: String, _ type: T.Type) throws -> T? where T.RawValue == String {
            guard let text: String = row[column] else { return nil }
            guard let value = T(rawValue: text) else { throw ReportError.unreadable("\(column) \"\(text)\"") }
            return value
        }
        let themes: String = row["learning_themes"]
        let timelineText: String = row["review_timeline"]
        guard let timeline = ReviewTimeline(encoded: timelineText) else {
            throw ReportError.unreadable("review_timeline")
        }
        return CaseFact(
            caseID: row["case_id"], countsForPanel: row["counts_for_panel"], stage: row["stage"],
            notifiedOn: try date("notified_on")!, diedOn: try date("died_on")!, sex: try known("sex", Sex.self)!,
            ageBand: try known("age_band", AgeBand.self)!, ethnicity: try known("ethnicity", Ethnicity.self)!,
            areaCode: row["area_code"], expectation: try known("expectation", Expectation.self),
            rapidResponse: row["rapid_response"], rapidResponseDays: row["rapid_response_days"],
            reviewedOn: try date("reviewed_on"), reviewDays: row["review_days"],
            category: (row["category"] as Int?).flatMap(DeathCategory.init(rawValue:)),
            outcome: try known("outcome", ModifiableFactorsOutcome.self),
            legacyPreventability: try known("legacy_preventability", LegacyPreventability.self),
            learningThemes: themes.split(separator: ReportFactTables.themeSeparator).map(String.init),
            actionsOpen: row["actions_open"], actionsClosed: row["actions_closed"], timeline: timeline)
    }
}

import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// A case not ready for the national return, with its reasons as the read model holds them.
package struct CaseNotReady: Sendable, Equatable {
    package var caseID: String
    package var reference: String
    package var stage: String
    package var dateOfDeath: CalendarDate?
    package var areaCode: String?
    /// Each reason's kind and words, in the order the readiness gives them.
    package var reasons: [Reason]

    package struct Reason: Sendable, Equatable {
        package var kind: NotReadyReason.Kind
        package var detail: String
    }
}

/// The national return's read model: the cases not ready, and how many cases each kind of reason holds back.
package enum NationalReturnQueries {
    /// Cases not ready, by reference; `areas` limits them (empty: every area), `deathsFrom`...`deathsTo` to the
    /// deaths of a reporting year.
    package static func notReady(
        areas: Set<String> = [], deathsFrom: CalendarDate? = nil, deathsTo: CalendarDate? = nil, in db: any SQLDatabase
    ) throws -> [CaseNotReady] {
        let rows = try db.rows(
            """
            SELECT r.case_id, r.kind, r.detail, c.reference, c.stage, c.date_of_death, c.area_code
            FROM national_return_reasons r JOIN case_summaries c ON c.case_id = r.case_id
            ORDER BY c.reference, r.case_id, r.position
            """)
        var cases: [CaseNotReady] = []
        for row in rows {
            let caseID: String = row["case_id"]
            let died = CalendarDate(iso: row["date_of_death"] as String)
            let area: String? = row["area_code"]
            guard areas.isEmpty || area.map(areas.contains) == true else { continue }
            if let deathsFrom, let died, died < deathsFrom { continue }
            if let deathsTo, let died, died > deathsTo { continue }
            guard let kind = NotReadyReason.Kind(rawValue: row["kind"]) else { continue }
            if cases.last?.caseID != caseID {
                cases.append(
                    CaseNotReady(
                        caseID: caseID, reference: row["reference"], stage: row["stage"], dateOfDeath: died,
                        areaCode: area, reasons: []))
            }
            cases[cases.count - 1].reasons.append(CaseNotReady.Reason(kind: kind, detail: row["detail"]))
        }
        return cases
    }

    /// The cases whose child died from `from` to `to`, inclusive, by case id.
    package static func caseIDs(deathsFrom from: CalendarDate, to: CalendarDate, in db: any SQLDatabase) throws
        -> [String]
    {
        try db.values(
            String.self,
            """
            SELECT case_id FROM case_summaries WHERE date_of_death BETWEEN ? AND ? ORDER BY case_id
            """, from.iso, to.iso)
    }

    /// How many cases each kind of reason holds back (a case with two forms not finalised counts once), in the
    /// kinds' order, leaving out kinds that hold back none.
    package static func counts(_ cases: [CaseNotReady]) -> [(kind: NotReadyReason.Kind, cases: Int)] {
        NotReadyReason.Kind.casesHeldBack(cases.map { Set($0.reasons.map(\.kind)) })
    }
}

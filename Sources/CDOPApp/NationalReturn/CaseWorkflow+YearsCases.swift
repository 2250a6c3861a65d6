import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

extension CaseWorkflow {
    /// The states of the cases whose child died from `from` to `to`, inclusive, by case id.
    package func caseStates(deathsFrom from: CalendarDate, to: CalendarDate) throws(CommandError) -> [CaseState] {
        let ids: [String]
        do {
            ids = try handler.store.snapshot { db in try NationalReturnQueries.caseIDs(deathsFrom: from, to: to, in: db)
            }
        } catch {
            throw .store(error as? EventStoreError ?? .storage(code: -1, message: "\(error)"))
        }
        var states: [CaseState] = []
        for id in ids.compactMap(CaseID.init) { states.append(try caseState(id)) }
        return states
    }

    /// The cases of reporting year `year` in the national return and not ready for it, by reference, each with
    /// what it lacks (required national items judged by `forms`).
    package func casesNotReady(year: Int, forms: FormCatalog) throws(CommandError) -> [NotReadyCaseLine] {
        guard let days = ReportingYear.days(year) else { return [] }
        return try caseStates(deathsFrom: days.from, to: days.to).compactMap { state in
            let readiness = NationalReturnCheck.readiness(state, forms: forms)
            guard readiness.included, !readiness.ready, let caseID = state.caseID else { return nil }
            return NotReadyCaseLine(
                caseReference: caseID.reference,
                reasons: readiness.reasons.map { .init(kind: $0.kind.rawValue, detail: $0.description) })
        }.sorted { $0.caseReference < $1.caseReference }
    }
}

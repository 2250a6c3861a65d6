import CDOPDefinitions
import CDOPDomain
import Foundation

/// One case's document in the annual national return (`Schemas/ncmd-case-document.schema.json`): the national
/// items of each finalised part of the case, keyed by national item. A case the panel reviewed sends its
/// notification, every returned form and the panel's outcome (the analysis form); a case still open sends its
/// notification.
package struct NationalCaseDocument: Encodable, Sendable, Equatable {
    /// One finalised part: the national form it answers and its items.
    package struct Form: Encodable, Sendable, Equatable {
        /// The national form: "notification", "reporting", "analysis" or a supplementary form's id.
        package var nationalForm: String
        /// The cdop form and version it was answered on.
        package var cdopForm: String
        package var formVersion: Int
        /// For a returned form: the request it answered and the agency that returned it.
        package var requestId: String?
        package var agency: String?
        package var finalisedAt: String
        package var items: [String: NationalValue]
    }

    package var documentVersion = 1
    /// The reporting year starting 1 April.
    package var returnYear: Int
    package var panel: String
    /// The case's key in the national data set.
    package var nationalCaseKey: String
    package var caseReference: String
    /// "reviewed" (the panel recorded its outcome) or "open".
    package var status: String
    package var dateOfDeath: String
    package var forms: [Form]

    /// The document of `state` for the return of `year`, when the case is in the return and ready for it.
    package init?(_ state: CaseState, year: Int, panel: String, forms catalog: FormCatalog) {
        let readiness = NationalReturnCheck.readiness(state, forms: catalog)
        guard let caseID = state.caseID, let notification = state.notification, readiness.included, readiness.ready
        else { return nil }
        var parts: [Form] = []
        for part in NationalReturnReadiness.partsNeeded(state) {
            guard let finalisedAt = state.nationalReturnFinalised[part] else { return nil }
            var form: Form
            if let (definition, answers) = NationalReturnCheck.answered(part, state, forms: catalog) {
                form = Form(
                    nationalForm: catalog.national.form(forCDOPForm: definition.id)?.id ?? definition.id,
                    cdopForm: definition.id, formVersion: definition.version,
                    finalisedAt: Timestamp.format(finalisedAt),
                    items: definition.nationalValues(answers, in: catalog.national))
            } else if case .request(let id) = part, let reference = state.request(id)?.answered {
                // Answered on a form this installation no longer has: sent as finalised, with no national items.
                form = Form(
                    nationalForm: reference.id, cdopForm: reference.id, formVersion: reference.version,
                    finalisedAt: Timestamp.format(finalisedAt), items: [:])
            } else {
                return nil
            }
            if case .request(let id) = part {
                form.requestId = id.description
                form.agency = state.request(id)?.agencyName
            }
            parts.append(form)
        }
        returnYear = year
        self.panel = panel
        nationalCaseKey = caseID.reference
        caseReference = caseID.reference
        status = state.panelOutcome == nil ? "open" : "reviewed"
        dateOfDeath = notification.death.date.iso
        self.forms = parts
    }

    /// The document as the return's file holds it: JSON with sorted keys, so one case gives one byte sequence.
    package func json() throws -> Data {
        try NationalReturnJSON.encoder.encode(self)
    }
}

/// How every JSON file of a national return is written: keys sorted and indented, slashes as they are.
enum NationalReturnJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}

import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation

extension WebFixture {
    /// A case with a Form B requested from a GP: the case, the request and the token of its link.
    mutating func caseWithFormBRequested() throws -> (CaseID, FormRequestID, String) {
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        let caseID = try engine.workflow.notify(notification(), by: coordinator).caseID
        let agencyID = AgencyID(UUID())
        try engine.workflow.execute(
            .register(
                agencyID: agencyID, name: "Northgate Surgery", kind: .gp,
                contacts: [
                    AgencyContact(name: "Dr Jo Example", email: "jo.example@northgate.example.nhs.uk", isLead: true)
                ]),
            on: agencyID, by: coordinator)
        let agency = try engine.workflow.agencyState(agencyID)
        let requestID = try engine.workflow.requestForm(
            on: caseID, from: agency, formType: .reporting, contactEmail: nil,
            dueDate: CalendarDate(iso: "2026-06-15")!, by: coordinator)
        let token = engine.workflow.links!.token(for: requestID, issue: 1)
        return (caseID, requestID, token)
    }
}

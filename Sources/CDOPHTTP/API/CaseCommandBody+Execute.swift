import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation
import Hummingbird

extension CaseCommandBody {
    /// Whether a person with `roles` may issue this command.
    func isAllowed(for roles: Set<StaffRole>) -> Bool {
        guard let allowed = Self.roles[name] else { return false }
        return !allowed.isDisjoint(with: roles)
    }

    /// Issues the command on `caseID` as the signed-in person: the one path the JSON API and the case page share.
    /// A refusal is recorded on the person's access log before it is thrown.
    func execute(on caseID: CaseID, _ context: WebContext, _ services: WebServices) async throws {
        let staff = try context.requireStaff()
        guard isAllowed(for: staff.user.roles) else {
            try? services.accessLog.recordAccessRefused(
                "case command \(name)", reason: .role, caseID: caseID, by: staff.user)
            throw Problem.forbidden()
        }
        let workflow = services.engine.workflow
        let actor = staff.actor
        switch action {
        case .command(.triage(let expectation, _, let triggers)):
            try await workflow.execute(
                .triage(expectation: expectation, confirmedBy: staff.user.displayName, triggers: triggers), on: caseID,
                by: actor)
        case .command(.finaliseNationalReturnPart(let part, _)):
            try await workflow.finaliseNationalReturnPart(
                part, on: caseID, forms: services.definitions.forms, by: actor)
        case .command(let command):
            try await workflow.execute(command, on: caseID, by: actor)
        case .requestForm(let agencyID, let formType, let contact, let due):
            let agency = try workflow.agencyState(agencyID)
            guard agency.agencyID != nil else {
                throw CommandError.notFound(kind: "agency", reference: agencyID.description)
            }
            try workflow.requestForm(
                on: caseID, from: agency, formType: formType, contactEmail: contact, dueDate: due, by: actor)
        case .confirmDuplicate:
            let state = try workflow.caseState(caseID)
            guard let primary = state.possibleDuplicateOf else {
                throw Problem(
                    status: .unprocessableContent, code: "case.notPossibleDuplicate", title: "Refused",
                    detail: "The case is not linked to a possible duplicate.")
            }
            try workflow.confirmDuplicate(caseID, of: primary, by: actor)
        case .correctNotification(let correction, let reason):
            try workflow.correctNotification(caseID, correction, reason: reason, by: actor)
        }
    }

    /// The command as posted by an HTML form: each field named as in the JSON body (blank fields left out,
    /// `triggers` as a list), decoded by the same rules as the API.
    init(post: FormPost) throws {
        var object: [String: Any] = [:]
        for (name, _) in post.answersOnly {
            if name == "triggers" {
                object[name] = post.all(name)
            } else if let value = post[name] {
                object[name] = value
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object)
        self = try CanonicalJSON.decode(CaseCommandBody.self, from: data)
    }
}

import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// One agency of the directory: its details changed (name, kind, lead contact) or the agency retired, so it is
/// no longer offered for new requests. Its past requests keep the name they were made under.
enum AgencyEditPages {
    static let coordinators = Access.staff([.coordinator])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/agencies/:agency", coordinators) { try edit($0, $1, services) }
        routes.post("/agencies/:agency", coordinators) { try await update($0, $1, services) }
        routes.post("/agencies/:agency/retire", coordinators) { try await retire($0, $1, services) }
    }

    struct AgencyEdit: Encodable {
        var name: String
        var kinds: [AgencyPages.AgencyList.Kind]
        var contactName: String
        var contactEmail: String
        var retired: String?
        var action: String
        var retireAction: String
        var reason: String
        var errorFor: [String: String]
    }

    /// The agency in the path; 404 when there is none.
    static func agency(_ context: WebContext, _ services: WebServices) throws -> (AgencyID, AgencyState) {
        guard let agencyID = context.parameters.get("agency").flatMap(AgencyID.init),
            let state = try? services.engine.workflow.agencyState(agencyID), state.exists
        else { throw HTTPError(.notFound, message: "There is no agency with that reference in the directory.") }
        return (agencyID, state)
    }

    /// `GET /agencies/{id}`: the agency's details to change, and the retire form.
    static func edit(_ request: Request, _ context: WebContext, _ services: WebServices) throws -> Response {
        try page(request, context, services)
    }

    static func page(
        _ request: Request, _ context: WebContext, _ services: WebServices, post: FormPost? = nil,
        errors: [PageChrome.ErrorLink] = []
    ) throws -> Response {
        let (agencyID, state) = try agency(context, services)
        let lead = state.leadContacts.first
        let kind = post?["kind"] ?? state.kind.rawValue
        let view = AgencyEdit(
            name: post?["name"] ?? state.name,
            kinds: AgencyKind.allCases.map {
                .init(value: $0.rawValue, label: $0.label.capitalisedFirst, selected: $0.rawValue == kind)
            },
            contactName: post?["contact-name"] ?? lead?.name ?? "",
            contactEmail: post?["contact-email"] ?? lead?.email ?? "",
            retired: state.retiredAt.map { "Retired on \(DayFormatter.long($0)): \(state.retirementReason ?? "")" },
            action: "/agencies/\(agencyID)", retireAction: "/agencies/\(agencyID)/retire",
            reason: post?["reason"] ?? "",
            errorFor: Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first }))
        return services.renderer.page(
            "agency", view, chrome: services.chrome(state.name, context, path: "/agencies", errors: errors),
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// `POST /agencies/{id}`: new name, kind and lead contact; the other contacts are kept.
    static func update(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (agencyID, state) = try agency(context, services)
        let (details, errors) = AgencyPages.Details.read(post)
        guard let details else { return try page(request, context, services, post: post, errors: errors) }
        var contacts = state.contacts
        let lead = AgencyContact(
            name: details.contactName, role: state.leadContacts.first?.role, email: details.email,
            phone: state.leadContacts.first?.phone, isLead: true)
        if let index = contacts.firstIndex(where: \.isLead) {
            contacts[index] = lead
        } else {
            contacts.insert(lead, at: 0)
        }
        let actor = try context.requireStaff().actor
        do {
            try await services.engine.workflow.execute(
                .update(name: details.name, kind: details.kind, contacts: contacts), on: agencyID, by: actor)
        } catch {
            let field = error.code == "input.invalidName" ? "contact-name" : "name"
            return try page(
                request, context, services, post: post, errors: [.init(field: field, message: try refusal(error))])
        }
        return redirect(to: "/agencies?done=updated")
    }

    /// `POST /agencies/{id}/retire`: retires the agency, with a reason, once confirmed.
    static func retire(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (agencyID, _) = try agency(context, services)
        var errors: [PageChrome.ErrorLink] = []
        if post["reason"] == nil { errors.append(.init(field: "reason", message: "Enter why the agency is retired")) }
        if post["confirm"] != "yes" {
            errors.append(
                .init(field: "confirm", message: "Confirm that the agency is no longer to be asked for forms"))
        }
        if errors.isEmpty {
            do {
                try await services.engine.workflow.execute(
                    .retire(reason: post["reason"] ?? ""), on: agencyID, by: context.requireStaff().actor)
            } catch {
                errors.append(.init(field: "reason", message: try refusal(error)))
            }
        }
        guard errors.isEmpty else { return try page(request, context, services, post: post, errors: errors) }
        return redirect(to: "/agencies?done=retired")
    }
}

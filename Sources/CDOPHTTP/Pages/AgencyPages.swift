import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The agency directory: who can be asked for forms, and their lead contacts.
enum AgencyPages {
    struct AgencyList: Encodable {
        struct Row: Encodable {
            var href: String
            var name: String
            var kind: String
            var lead: String
            var retired: Bool
        }

        struct Kind: Encodable {
            var value: String
            var label: String
            var selected: Bool
        }

        var agencies: [Row]
        var hasAgencies: Bool
        var kinds: [Kind]
        var name: String
        var contactName: String
        var contactEmail: String
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/agencies", .staff([.coordinator])) { request, context in
            let notice: String? =
                switch request.uri.queryParameters.get("done") {
                case "added": "The agency has been added to the directory."
                case "updated": "The agency's details have been changed."
                case "retired": "The agency has been retired from the directory."
                default: nil
                }
            return try await page(services, context, notice: notice)
        }

        routes.post("/agencies", .staff([.coordinator])) { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (details, errors) = Details.read(post)
            guard let details else {
                return try await page(services, context, post: post, errors: errors, status: .unprocessableContent)
            }
            let (name, kind, contactName, email) = (details.name, details.kind, details.contactName, details.email)
            let agencyID = AgencyID(services.engine.workflow.makeID())
            do {
                try await services.engine.workflow.execute(
                    .register(
                        agencyID: agencyID, name: name, kind: kind,
                        contacts: [
                            AgencyContact(name: contactName, email: email, phone: post["contact-phone"], isLead: true)
                        ]),
                    on: agencyID, by: context.requireStaff().actor)
            } catch {
                // The only name the rules check besides the agency's is the contact's (one that cannot be mailed).
                let field = (error as? CommandError)?.code == "input.invalidName" ? "contact-name" : "name"
                return try await page(
                    services, context, post: post, errors: [.init(field: field, message: try refusal(error))],
                    status: .unprocessableContent)
            }
            return redirect(to: "/agencies?done=added")
        }
    }

    /// An agency's name, kind and lead contact as typed on the add and change forms.
    struct Details: Encodable {
        var name: String
        var kind: AgencyKind
        var contactName: String
        var email: String

        /// The details, or the errors to show beside each field missing or wrong.
        static func read(_ post: FormPost) -> (Details?, [PageChrome.ErrorLink]) {
            var errors: [PageChrome.ErrorLink] = []
            let name = post["name"]
            let contactName = post["contact-name"]
            let email = post["contact-email"]
            let kind = post["kind"].flatMap(AgencyKind.init(rawValue:))
            if name == nil { errors.append(.init(field: "name", message: "Enter the agency's name")) }
            if kind == nil { errors.append(.init(field: "kind", message: "Choose what kind of agency it is")) }
            if contactName == nil {
                errors.append(.init(field: "contact-name", message: "Enter the lead contact's name"))
            }
            if email.map({ (try? EmailAddress.validated($0, field: "email")) == nil }) ?? true {
                errors.append(
                    .init(
                        field: "contact-email", message: "Enter the lead contact's email address, like name@example.org"
                    ))
            }
            guard errors.isEmpty, let name, let kind, let contactName, let email else { return (nil, errors) }
            return (Details(name: name, kind: kind, contactName: contactName, email: email), [])
        }
    }

    static func page(
        _ services: WebServices, _ context: WebContext, post: FormPost = FormPost(), notice: String? = nil,
        errors: [PageChrome.ErrorLink] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let agencies = try await services.engine.store.queuedSnapshot { db in try AgencyDirectory.all(in: db) }
        let view = AgencyList(
            agencies: agencies.map {
                AgencyList.Row(
                    href: "/agencies/\($0.agencyID)", name: $0.name,
                    kind: AgencyKind(rawValue: $0.kind)?.label ?? $0.kind, lead: $0.leadEmail ?? "none",
                    retired: $0.retired)
            },
            hasAgencies: !agencies.isEmpty,
            kinds: AgencyKind.allCases.map {
                AgencyList.Kind(
                    value: $0.rawValue, label: $0.label.capitalisedFirst, selected: post["kind"] == $0.rawValue)
            },
            name: post["name"] ?? "", contactName: post["contact-name"] ?? "", contactEmail: post["contact-email"] ?? ""
        )
        return services.renderer.page(
            "agencies", view,
            chrome: services.chrome("Agencies", context, path: "/agencies", notice: notice, errors: errors),
            status: status)
    }
}

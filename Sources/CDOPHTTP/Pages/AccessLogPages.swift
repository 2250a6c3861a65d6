import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird

/// Administrators read the access log: who viewed which case and how, who was refused what and why, and who
/// signed in or was refused, newest first, filtered by account, case and day.
enum AccessLogPages {
    /// How many entries the page shows; the rest are counted ("and 12 more").
    static let limit = 200

    struct View: Encodable {
        struct Row: Encodable {
            var when: String
            var who: String
            var what: String
            var caseReference: String
        }

        var user: String
        var caseText: String
        var since: String
        var rows: [Row]
        var hasRows: Bool
        var more: Int
        var hasMore: Bool
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/admin/access-log", AdminPages.admins) { request, context in
            var query = ListQuery(request)
            let (user, caseText, sinceText) = (query["user"], query["case"], query["since"])
            let since = query.day("since", invalid: "Enter the day as a real date, for example 2026-06-01")
            var errors = query.errors
            var page = AccessLogPage()
            if errors.isEmpty {
                do {
                    page = try services.accessLog.search(user: user, case: caseText, since: since, limit: limit)
                } catch let error as CommandError {
                    if case .notFound(let kind, _) = error {
                        errors.append(.init(field: kind == "user" ? "user" : "case", message: describe(error)))
                    } else if case .ambiguous = error {
                        errors.append(.init(field: "case", message: describe(error)))
                    } else {
                        throw error
                    }
                }
            }
            let view = View(
                user: user ?? "", caseText: caseText ?? "", since: sinceText ?? "",
                rows: page.entries.map { entry in
                    View.Row(
                        when: DayFormatter.dayAndTime(entry.at), who: entry.username, what: entry.what,
                        caseReference: entry.caseReference ?? "")
                },
                hasRows: !page.entries.isEmpty, more: page.more, hasMore: page.more > 0)
            return services.renderer.page(
                "admin-access-log", view,
                chrome: services.chrome("Access log", context, path: "/admin/access-log", errors: errors),
                status: errors.isEmpty ? .ok : .unprocessableContent)
        }
    }
}

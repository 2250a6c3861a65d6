import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import Hummingbird

/// `GET /api/v1/cases?q=&stage=&area=&from=&to=&sort=`: the same search as `/cases`, recorded on the caller's
/// access log the same way (the cases shown, never the text searched for).
enum CaseSearchAPI {
    /// The query parameters the search takes, for the OpenAPI document.
    static let parameters: [(name: String, description: String)] = [
        (
            "q",
            "A reference (CDOP-1A2B3C4D, or a reference in earlier records), a child's name (folded: accents, case and punctuation ignored) or an NHS number"
        ),
        ("stage", "A stage name, e.g. informationGathering"),
        ("area", "An area code"),
        ("from", "Died on or after this date (YYYY-MM-DD)"),
        ("to", "Died on or before this date (YYYY-MM-DD)"),
        ("sort", "notified (default), date-of-death, reference or days-open"),
    ]

    /// GET /api/v1/cases
    static func listCases(_ services: WebServices) -> RouteTable.Handler {
        { request, context in
            await API.handle {
                let query = CaseSearchQuery(request)
                if !query.errors.isEmpty {
                    throw Problem(
                        status: .unprocessableContent, code: "input.invalid", title: "The search is not valid",
                        detail: query.errors.map(\.message).joined(separator: " "),
                        errors: query.errors.map { .init(pointer: "/query/" + $0.field, detail: $0.message) })
                }
                let user = try context.requireStaff().user
                let search = query.search(visibleAreas: user.areas)
                let cases = try await services.engine.store.queuedSnapshot { db in
                    try CaseQueries.search(search, in: db)
                }
                try services.accessLog.recordCasesListed(
                    cases.compactMap { CaseID($0.caseID) }, searched: query.narrowed, by: user)
                let today = LondonTime.day(of: services.now)
                return API.json(cases.map { CaseListing($0, today: today) })
            }
        }
    }

    struct CaseListing: Encodable {
        var caseId: String
        var reference: String
        var externalReference: String?
        var childName: String
        var dateOfDeath: String
        var age: String
        var stage: String
        var area: String?
        var notifiedAt: String
        var daysOpen: Int
        var outstandingRequests: Int
        var possibleDuplicateOf: String?

        init(_ summary: CaseSummary, today: CalendarDate) {
            caseId = summary.caseID
            reference = summary.reference
            externalReference = summary.externalReference
            childName = summary.childName
            dateOfDeath = summary.dateOfDeath
            age = CaseListFacts.age(summary)
            stage = summary.stage
            area = summary.areaCode
            notifiedAt = summary.notifiedAt
            daysOpen = CaseListFacts.daysOpen(summary, today: today)
            outstandingRequests = summary.outstandingRequests
            possibleDuplicateOf = summary.possibleDuplicateOf
        }
    }
}

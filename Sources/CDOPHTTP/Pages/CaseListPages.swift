import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// `/cases`: find a case by its reference (or its reference in earlier records), the child's name, NHS number,
/// date of death, stage and area, sorted as asked. The list names the children, so what it showed is recorded
/// on the viewer's access log (which cases, never the search text).
enum CaseListPages {
    /// The most cases one list shows: narrow the search for the rest.
    static let shownAtMost = 200

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/cases", CasePages.viewers, .page, listCases(services))
    }

    /// GET /cases
    static func listCases(_ services: WebServices) -> RouteTable.Handler {
        { request, context in
            let query = CaseSearchQuery(request)
            let user = try context.requireStaff().user
            var cases: [CaseSummary] = []
            if query.errors.isEmpty {
                let search = query.search(visibleAreas: user.areas)
                cases = try await services.engine.store.queuedSnapshot { db in try CaseQueries.search(search, in: db) }
            }
            let shown = Array(cases.prefix(shownAtMost))
            // No record, no list: the names are not shown when their showing cannot be recorded.
            try services.accessLog.recordCasesListed(
                shown.compactMap { CaseID($0.caseID) }, searched: query.narrowed, by: user)
            let view = CaseListView(
                query: query, rows: shown, total: cases.count, panel: services.engine.panel,
                today: LondonTime.day(of: services.now))
            return services.renderer.page(
                "case-list", view, chrome: services.chrome("Cases", context, path: "/cases", errors: query.errors),
                status: query.errors.isEmpty ? .ok : .unprocessableContent)
        }
    }
}

/// The search a `/cases` or `GET /api/v1/cases` query string asks for, and what in it is wrong.
struct CaseSearchQuery {
    var text: String
    var stage: String
    var area: String
    var from: String
    var to: String
    var sort: String
    var errors: [PageChrome.ErrorLink] = []
    private var diedFrom: CalendarDate?
    private var diedTo: CalendarDate?

    /// From a URI's query string.
    init(_ request: Request) {
        var query = ListQuery(request)
        text = query["q"] ?? ""
        stage = query["stage"] ?? ""
        area = query["area"] ?? ""
        from = query["from"] ?? ""
        to = query["to"] ?? ""
        sort = query["sort"] ?? ""
        diedFrom = query.day("from", invalid: "Enter the earliest date of death as a real date, for example 2026-01-31")
        diedTo = query.day("to", invalid: "Enter the latest date of death as a real date, for example 2026-12-31")
        if let diedFrom, let diedTo, diedTo < diedFrom {
            query.refuse("to", "The latest date of death must be the same as or after the earliest")
        }
        _ = query.choice("sort", as: CaseSearch.Sort.self, lead: "Sort by")
        errors = query.errors
    }

    /// Whether anything narrows the list.
    var narrowed: Bool { search(visibleAreas: []).isNarrowed }

    func search(visibleAreas: Set<String>) -> CaseSearch {
        CaseSearch(
            text: text, stage: stage, areaCode: area, diedFrom: diedFrom, diedTo: diedTo,
            sort: CaseSearch.Sort(rawValue: sort) ?? .notified, visibleAreas: visibleAreas)
    }
}

/// What the case list shows of one case: its age at death and how long it has been open, in words.
enum CaseListFacts {
    static func age(_ summary: CaseSummary) -> String {
        guard let born = CalendarDate(iso: summary.dateOfBirth), let died = CalendarDate(iso: summary.dateOfDeath)
        else { return "" }
        let years = AgeAtDeath.years(born: born, on: died)
        if years >= 1 { return "\(years) year\(years == 1 ? "" : "s")" }
        let days = AgeAtDeath.days(born: born, on: died)
        if days >= 28 {
            let months = max(1, days * 12 / 365)
            return "\(months) month\(months == 1 ? "" : "s")"
        }
        return "\(days) day\(days == 1 ? "" : "s")"
    }

    static func daysOpen(_ summary: CaseSummary, today: CalendarDate) -> Int {
        guard let notified = CalendarDate(iso: String(summary.notifiedAt.prefix(10))) else { return 0 }
        return max(0, notified.days(until: today))
    }
}

struct CaseListView: Encodable {
    struct Row: Encodable {
        var reference: String
        var href: String
        var name: String
        var dateOfDeath: String
        var age: String
        var stage: String
        var area: String
        var daysOpen: Int
        var requests: Int
    }

    typealias Option = CasePageView.Option

    var cases: [Row]
    var hasCases: Bool
    var q: String
    var from: String
    var to: String
    var stages: [Option]
    var areas: [Option]
    var sorts: [Option]
    var countLine: String
    var searched: Bool
    var errorFor: [String: String]

    init(query: CaseSearchQuery, rows: [CaseSummary], total: Int, panel: PanelConfiguration, today: CalendarDate) {
        cases = rows.map {
            Row(
                reference: $0.reference, href: "/cases/\($0.caseID)", name: $0.childName,
                dateOfDeath: CalendarDate(iso: $0.dateOfDeath).map(DayFormatter.long) ?? $0.dateOfDeath,
                age: CaseListFacts.age($0), stage: StageNames.label($0.stage), area: $0.areaCode ?? "outside",
                daysOpen: CaseListFacts.daysOpen($0, today: today), requests: $0.outstandingRequests)
        }
        hasCases = !rows.isEmpty
        q = query.text
        from = query.from
        to = query.to
        searched = query.narrowed
        errorFor = Dictionary(query.errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let stageNames = DashboardQueries.stageOrder + ["closed", "outOfScope", "transferred", "duplicate"]
        stages =
            [Option(value: "", label: "Any stage", selected: query.stage.isEmpty)]
            + stageNames.map { Option(value: $0, label: StageNames.label($0), selected: $0 == query.stage) }
        areas =
            [Option(value: "", label: "Any area", selected: query.area.isEmpty)]
            + panel.areas.map {
                Option(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == query.area)
            }
        let sortLabels: [(CaseSearch.Sort, String)] = [
            (.notified, "Newest notification first"), (.dateOfDeath, "Most recent death first"),
            (.reference, "Reference"), (.daysOpen, "Longest open first"),
        ]
        sorts = sortLabels.map {
            Option(
                value: $0.0.rawValue, label: $0.1,
                selected: $0.0.rawValue == (query.sort.isEmpty ? "notified" : query.sort))
        }
        countLine =
            total > rows.count
            ? "Showing \(rows.count) of \(total) cases. Narrow the search to see the others."
            : "\(total) case\(total == 1 ? "" : "s")"
    }
}

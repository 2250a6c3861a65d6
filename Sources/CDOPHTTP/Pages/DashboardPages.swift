import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Synchronization

/// The coordinator's dashboard: what is new, what may be a duplicate, what is due and overdue, which emails
/// failed, which meetings are coming, and open cases by stage and age. References only: no child's name.
enum DashboardPages {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/", .everyone) { _, context in
            guard let staff = context.staff else { return redirect(to: "/notify") }
            return redirect(
                to: staff.has(.coordinator)
                    ? "/dashboard"
                    : staff.has(.designatedDoctor)
                        ? "/rapid-responses" : staff.has(.panelMember) ? "/meetings" : "/account")
        }
        routes.get("/dashboard", .staff([.coordinator])) { request, context in
            let areas = context.staff?.user.areas ?? []
            let now = services.now
            let chrome = services.chrome("Dashboard", context, path: "/dashboard")
            let html = try await services.engine.store.queuedSnapshot { db in
                try services.dashboards.page(
                    areas: areas, position: try EventRows.lastPosition(in: db), now: now, chrome: chrome,
                    renderer: services.renderer
                ) { () throws -> PreparedView in
                    try services.renderer.prepare(try DashboardView(areas: areas, now: now, db: db))
                }
            }
            return services.renderer.response(html: html)
        }
    }
}

struct DashboardView: Encodable {
    struct CaseRow: Encodable {
        var reference: String
        var href: String
        var area: String
        var notified: String
        var duplicateOf: String
    }

    struct RequestRow: Encodable {
        var reference: String
        var href: String
        var agency: String
        var form: String
        var due: String
        var remaining: String
        var tagClass: String
        var status: String
        var next: String
    }

    struct EmailRow: Encodable {
        var reference: String
        var href: String
        var template: String
        var recipient: String
        var error: String
    }

    struct MeetingRow: Encodable {
        var title: String
        var href: String
        var when: String
        var cases: Int
    }

    struct ReasonCount: Encodable {
        var label: String
        var cases: Int
    }

    struct NotReadyRow: Encodable {
        var reference: String
        var href: String
        var reasons: String
    }

    struct StageRow: Encodable {
        var stage: String
        var counts: [Int]
        var total: Int
        var barWidth: Int
        var y: Int
        var labelY: Int
    }

    var newNotifications: [CaseRow]
    var hasNewNotifications: Bool
    var duplicates: [CaseRow]
    var hasDuplicates: Bool
    var requests: [RequestRow]
    var hasRequests: Bool
    var overdueCount: Int
    var dueSoonCount: Int
    var failedEmails: [EmailRow]
    var hasFailedEmails: Bool
    var meetings: [MeetingRow]
    var hasMeetings: Bool
    var stages: [StageRow]
    var hasStages: Bool
    var ageBands: [String]
    var chartHeight: Int
    var openTotal: Int
    var notReadyCounts: [ReasonCount]
    var notReady: [NotReadyRow]
    var hasNotReady: Bool
    var notReadyTotal: Int
    var notReadyMore: Bool
    var notReadyShown: Int
    var erasures: [PrivacyPages.ListView.Row]
    var hasErasures: Bool

    init(areas: Set<String>, now: Date, db: any SQLDatabase) throws {
        let today = LondonTime.day(of: now)
        let caseRow = { (summary: CaseSummary) in
            CaseRow(
                reference: summary.reference, href: "/cases/\(summary.caseID)",
                area: summary.areaCode ?? "outside the panel's areas",
                notified: UTCTimestamp.parse(summary.notifiedAt).map(DayFormatter.dayAndTime) ?? summary.notifiedAt,
                duplicateOf: summary.possibleDuplicateOf.flatMap(CaseID.init).map(\.reference) ?? "")
        }
        newNotifications = try DashboardQueries.newNotifications(areas: areas, in: db).map(caseRow)
        duplicates = try DashboardQueries.possibleDuplicates(areas: areas, in: db).map(caseRow)
        requests = try DashboardQueries.outstandingRequests(areas: areas, in: db).map { request in
            let left = today.days(until: request.dueDate)
            return RequestRow(
                reference: request.caseReference, href: "/cases/\(request.caseID)", agency: request.agencyName,
                form: FormType(rawValue: request.formType)?.label ?? request.formType,
                due: DayFormatter.long(request.dueDate),
                remaining: left < 0
                    ? "\(-left) day\(left == -1 ? "" : "s") overdue"
                    : left == 0 ? "due today" : "\(left) day\(left == 1 ? "" : "s") left",
                tagClass: left < 0 ? "overdue" : left <= 3 ? "due-soon" : "",
                status: request.status,
                next: request.nextStep.map { step in
                    "\(ScheduleStepWords.next(step, agency: request.agencyName)) on \(request.nextStepAt.map(DayFormatter.long) ?? "a date to come")"
                } ?? "none")
        }
        overdueCount = requests.filter { $0.tagClass == "overdue" }.count
        dueSoonCount = requests.filter { $0.tagClass == "due-soon" }.count
        failedEmails = try OutboxQueries.list(state: "failed", in: db).map { row in
            EmailRow(
                reference: row.caseID.flatMap(CaseID.init).map(\.reference) ?? "meeting",
                href: row.caseID.map { "/cases/\($0)" } ?? "/meetings", template: row.template,
                recipient: row.agencyName ?? row.recipientRole, error: row.lastError ?? "not delivered")
        }
        meetings = try DashboardQueries.upcomingMeetings(after: now, in: db).map { meeting in
            MeetingRow(
                title: meeting.title, href: "/meetings/\(meeting.meetingID)",
                when: meeting.startsAt.map(DayFormatter.dayAndTime) ?? "not yet set", cases: meeting.cases)
        }
        let rows = try DashboardQueries.openCasesByStageAndAge(areas: areas, now: now, in: db)
        let widest = max(1, rows.map(\.total).max() ?? 1)
        stages = rows.enumerated().map { index, row in
            StageRow(
                stage: StageNames.label(row.stage), counts: row.byAge, total: row.total,
                barWidth: max(2, row.total * 400 / widest), y: index * 28, labelY: index * 28 + 16)
        }
        ageBands = DashboardQueries.ageBands
        chartHeight = max(28, stages.count * 28)
        openTotal = rows.map(\.total).reduce(0, +)
        let notReadyCases = try NationalReturnQueries.notReady(areas: areas, in: db)
        notReadyCounts = NationalReturnQueries.counts(notReadyCases).map {
            ReasonCount(label: $0.kind.label, cases: $0.cases)
        }
        notReadyShown = min(notReadyCases.count, 25)
        notReady = notReadyCases.prefix(notReadyShown).map { row in
            NotReadyRow(
                reference: row.reference, href: "/cases/\(row.caseID)",
                reasons: row.reasons.map(\.detail).joined(separator: " "))
        }
        notReadyTotal = notReadyCases.count
        notReadyMore = notReadyCases.count > notReadyShown
        hasNotReady = !notReadyCases.isEmpty
        erasures = try DashboardQueries.erasuresAwaitingApproval(areas: areas, in: db).map(PrivacyPages.row)
        hasErasures = !erasures.isEmpty
        hasNewNotifications = !newNotifications.isEmpty
        hasDuplicates = !duplicates.isEmpty
        hasRequests = !requests.isEmpty
        hasFailedEmails = !failedEmails.isEmpty
        hasMeetings = !meetings.isEmpty
        hasStages = !stages.isEmpty
    }
}

/// The dashboards rendered last, one per set of areas: a dashboard is made again only when an event has been
/// appended since (its position in the store has moved) or the minute has changed (it counts days left and lists
/// the meetings still to come). Each is made inside the read transaction whose last position it records, and kept
/// rendered for each chrome it was shown in (signed-in name and navigation), with a slot for the session's token.
final class DashboardCache: Sendable {
    private struct Entry {
        var position: Int64
        var minute: Int64
        var view: PreparedView
        /// The page rendered for each chrome, its token taken out.
        var pages: [PageChrome: SlottedPage] = [:]
    }

    /// How many chromes (people) a dashboard is kept rendered for.
    static let pagesPerEntry = 64
    private let entries = Mutex<[Set<String>: Entry]>([:])

    /// The dashboard for `areas` as `chrome`'s visitor sees it.
    func page(
        areas: Set<String>, position: Int64, now: Date, chrome: PageChrome, renderer: PageRenderer,
        make: () throws -> PreparedView
    ) throws -> [UInt8] {
        let minute = Self.minute(now)
        let view = try view(areas: areas, position: position, now: now, make: make)
        guard chrome.hasOneToken else { return renderer.bytes("dashboard", view, chrome: chrome) }
        let key = chrome.withToken("")
        let current = { (entry: Entry) in entry.position == position && entry.minute == minute }
        if let kept = entries.withLock({ $0[areas].flatMap { current($0) ? $0.pages[key] : nil } }) {
            return kept.filled(with: chrome.csrf)
        }
        let page = SlottedPage { slot in renderer.bytes("dashboard", view, chrome: chrome.withToken(slot)) }
        entries.withLock { entries in
            guard var entry = entries[areas], current(entry) else { return }
            if entry.pages.count >= Self.pagesPerEntry { entry.pages.removeAll() }
            entry.pages[key] = page
            entries[areas] = entry
        }
        return page.filled(with: chrome.csrf)
    }

    /// The dashboard's view for `areas`: the one kept for this position and minute, or the one `make` makes.
    func view(areas: Set<String>, position: Int64, now: Date, make: () throws -> PreparedView) throws -> PreparedView {
        let minute = Self.minute(now)
        if let entry = entries.withLock({ $0[areas] }), entry.position == position, entry.minute == minute {
            return entry.view
        }
        let view = try make()
        entries.withLock { entries in
            if let entry = entries[areas], entry.position == position, entry.minute == minute { return }
            if (entries[areas]?.position ?? -1) <= position {
                entries[areas] = Entry(position: position, minute: minute, view: view)
            }
        }
        return view
    }

    private static func minute(_ now: Date) -> Int64 { Int64((now.timeIntervalSince1970 / 60).rounded(.down)) }
}

/// Stage names in a coordinator's words.
enum StageNames {
    static func label(_ stage: String) -> String {
        switch stage {
        case "notified": "Notified, not yet triaged"
        case "outOfScope": "Out of scope"
        case "transferred": "Transferred to another panel"
        case "duplicate": "Duplicate notification"
        case "triaged": "Triaged"
        case "rapidResponseActive": "Joint Agency Response active"
        case "informationGathering": "Gathering information"
        case "awaitingExternal": "Awaiting an external process"
        case "reviewMeetingHeld": "Review meeting held"
        case "readyForPanel": "Ready for panel"
        case "panelScheduled": "Listed for panel"
        case "panelReviewed": "Reviewed by the panel"
        case "submittedToNCMD": "Submitted to the NCMD"
        case "closed": "Closed"
        default: stage
        }
    }
}

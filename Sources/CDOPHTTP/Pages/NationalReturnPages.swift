import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation
import HTTPTypes
import Hummingbird

/// The annual national return for the coordinator: a reporting year's return as it would be made now (cases in
/// it, reviewed and open, and every case left out with why), the returns already made for the year, and the
/// button that makes it and hands it to the configured adapter (`CDOP_NCMD_ADAPTER`).
enum NationalReturnPages {
    static let access = Access.staff([.coordinator])
    static let path = "/panel/national-return"

    struct View: Encodable {
        struct LeftOut: Encodable {
            var reference: String
            var died: String
            var why: [String]
        }

        struct Made: Encodable {
            var at: String
            var hash: String
            var included: Int
            var leftOut: Int
        }

        struct Reminder: Encodable {
            var step: String
            var planned: String
            var state: String
        }

        var year: String
        var period: String
        var deadline: String
        var reminders: [Reminder]
        var hasReminders: Bool
        var included: Int
        var reviewed: Int
        var open: Int
        var leftOut: [LeftOut]
        var leftOutCount: Int
        var hasLeftOut: Bool
        var made: [Made]
        var hasMade: Bool
        var adapter: String
        var receipt: String?
    }

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get(path, access) { request, context in
            try page(services, context, yearText: request.uri.queryParameters.get("year"))
        }
        routes.post(path, access, .page, make)
    }

    /// POST: makes the year's return with the configured adapter, and shows where it went (or why it could not).
    static func make(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        guard let yearText = post["year"], let year = Int(yearText), (try? Engine.nationalReturnPeriod(year)) != nil
        else {
            return try page(services, context, yearText: post["year"], status: .unprocessableContent)
        }
        let actor = try context.requireStaff().actor
        let produced: ProducedNationalReturn
        do throws(NationalReturnError) {
            produced = try await services.engine.produceNationalReturn(
                year: year, forms: services.definitions.forms, by: actor)
        } catch {
            return try page(
                services, context, yearText: String(year), refusal: error.description, status: .serviceUnavailable)
        }
        let receipt: String =
            switch produced.receipt {
            case .written(let folder, let files): "Written: \(files) files in \(folder)."
            case .queued(let documents, let before):
                "Queued for NCMD: \(documents) case document(s)" + (before > 0 ? ", \(before) queued before." : ".")
            }
        return try page(services, context, yearText: String(year), receipt: receipt)
    }

    static func page(
        _ services: WebServices, _ context: WebContext, yearText: String?, receipt: String? = nil,
        refusal: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let today = LondonTime.day(of: services.now)
        // The year whose return is due by the coming 31 March: the last one ended.
        let text = yearText ?? String(ReportingYear.containing(today) - 1)
        let chrome = { (errors: [PageChrome.ErrorLink]) in
            services.chrome("National return", context, path: path, notice: receipt, errors: errors)
        }
        guard let year = Int(text), let period = try? Engine.nationalReturnPeriod(year) else {
            let view = View(
                year: text, period: "", deadline: "", reminders: [], hasReminders: false, included: 0, reviewed: 0,
                open: 0, leftOut: [], leftOutCount: 0,
                hasLeftOut: false, made: [],
                hasMade: false, adapter: "", receipt: nil)
            return services.renderer.page(
                "national-return", view,
                chrome: chrome([
                    .init(
                        field: "year",
                        message: "Enter a reporting year such as 2025 (for 1 April 2025 to 31 March 2026)")
                ]), status: status == .ok ? .badRequest : status)
        }
        let export = try services.engine.nationalReturn(year: year, forms: services.definitions.forms)
        let errors = refusal.map { [PageChrome.ErrorLink(field: "make-return", message: $0)] } ?? []
        let log = try services.engine.nationalReturnLog(year: year)
        let made = log.returns
        let reminders = NationalReturnReminderStatus.of(
            year: year, schedule: services.definitions.nationalReturnReminders, log: log,
            calendar: services.definitions.calendar
        ).map {
            View.Reminder(
                step: $0.step, planned: DayFormatter.long(LondonTime.day(of: $0.plannedAt)), state: Self.words($0.state)
            )
        }
        let adapter: String =
            switch services.engine.configuration.nationalReturn.adapter {
            case .directory: "written to the return folder on the server"
            case .https: "posted to NCMD's endpoint, case by case"
            }
        let view = View(
            year: String(year), period: "\(DayFormatter.long(period.from)) to \(DayFormatter.long(period.to))",
            deadline: ReportingYear.nationalReturnDeadline(year).map(DayFormatter.long) ?? "",
            reminders: reminders, hasReminders: !reminders.isEmpty,
            included: export.manifest.cases.included, reviewed: export.manifest.cases.reviewed,
            open: export.manifest.cases.open,
            leftOut: export.manifest.leftOut.map {
                View.LeftOut(reference: $0.caseReference, died: $0.dateOfDeath, why: $0.why)
            },
            leftOutCount: export.manifest.leftOut.count, hasLeftOut: !export.manifest.leftOut.isEmpty,
            made: made.reversed().map {
                View.Made(
                    at: DayFormatter.long(LondonTime.day(of: $0.at)), hash: String($0.manifestHash.prefix(12)),
                    included: $0.casesIncluded, leftOut: $0.casesLeftOut)
            },
            hasMade: !made.isEmpty, adapter: adapter, receipt: receipt)
        return services.renderer.page("national-return", view, chrome: chrome(errors), status: status)
    }

    /// A reminder's state in a coordinator's words.
    static func words(_ state: NationalReturnReminderStatus.State) -> String {
        switch state {
        case .planned: "Planned"
        case .told(let at, let cases, let to):
            "On \(DayFormatter.long(LondonTime.day(of: at))), \(cases) case\(cases == 1 ? "" : "s") not ready: "
                + to.map { recipient in
                    let who = "the " + recipient.role.rawValue.replacingOccurrences(of: "-", with: " ")
                    return switch recipient.delivery {
                    case .sent?: "sent to \(who)"
                    case .failed?: "could not be delivered to \(who)"
                    case nil: "waiting to be sent to \(who)"
                    }
                }.joined(separator: "; ")
        case .everyCaseReady(let at):
            "Every case was ready on \(DayFormatter.long(LondonTime.day(of: at))): nobody was told"
        case .passedUnsent: "Passed while cdop was not running: not sent"
        }
    }
}

import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// The designated doctor's work: deaths awaiting triage, open Joint Agency Responses, triage, and convening
/// a rapid-response meeting (its invitations carry an iCalendar file, sent through the outbox).
enum RapidResponsePages {
    static let doctors = Access.staff([.designatedDoctor])

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/rapid-responses", .staff([.designatedDoctor, .coordinator]), .page, listRapidResponses)
        routes.get("/cases/:case/rapid-response", doctors, .page, showRapidResponse)
        routes.post("/cases/:case/triage", doctors, .page, triage)
        routes.post("/cases/:case/rapid-response/complete", doctors, .page, complete)
        routes.post("/cases/:case/rapid-response", doctors, .page, convene)
    }

    /// GET /rapid-responses
    static func listRapidResponses(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let (awaiting, active, paused) = try await services.engine.store.queuedSnapshot { db in
            let all = try CaseQueries.list(in: db).filter { staff.hasCaseInScope(areaCode: $0.areaCode) }
            return (
                all.filter { $0.stage == "notified" && $0.duplicateOf == nil },
                all.filter { $0.stage == "rapidResponseActive" },
                all.filter { $0.stage == "awaitingExternal" }
            )
        }
        let row = { (summary: CaseSummary, status: String) in
            RapidResponseList.Row(
                reference: summary.reference, href: "/cases/\(summary.caseID)/rapid-response",
                reported: summary.expectation ?? "not known", area: summary.areaCode ?? "outside",
                notified: UTCTimestamp.parse(summary.notifiedAt).map(DayFormatter.dayAndTime) ?? "", status: status)
        }
        // A paused case's response is still under way: it stays on the list, saying what it waits for.
        let pausedRows = paused.compactMap { summary -> RapidResponseList.Row? in
            guard let caseID = CaseID(summary.caseID), let state = try? services.engine.workflow.caseState(caseID),
                state.rapidResponse?.isActive == true, let pause = state.openPauses.first
            else { return nil }
            return row(summary, "Paused: awaiting the \(pause.process.label) since \(DayFormatter.long(pause.from))")
        }
        let rows = active.map { row($0, "Under way") } + pausedRows
        let view = RapidResponseList(
            awaiting: awaiting.map { row($0, "") }, hasAwaiting: !awaiting.isEmpty, active: rows,
            hasActive: !rows.isEmpty)
        return services.renderer.page(
            "rapid-responses", view, chrome: services.chrome("Rapid responses", context, path: "/rapid-responses"))
    }

    /// GET /cases/:case/rapid-response
    static func showRapidResponse(
        _ request: Request, _ context: WebContext, _ services: WebServices
    ) async throws -> Response {
        try await show(request, context, services)
    }

    /// POST /cases/:case/triage
    static func triage(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, state) = try CasePages.caseInScope(context, services)
        guard let expectation = post["expectation"].flatMap(Expectation.init(rawValue:)) else {
            return try await show(
                request, context, services,
                errors: [.init(field: "expectation", message: "Choose whether the death was expected or unexpected")],
                post: post, status: .unprocessableContent)
        }
        let triggers = Set(post.all("triggers").compactMap(JARTrigger.init(rawValue:)))
        // Re-triaging an open Joint Agency Response as expected, with no trigger, completes it: asked for a
        // reason and a confirmation first.
        let ends = state.rapidResponse?.isActive == true && expectation == .expected && triggers.isEmpty
        if ends {
            var errors: [PageChrome.ErrorLink] = []
            if post["retriage-reason"] == nil {
                errors.append(
                    .init(field: "retriage-reason", message: "Enter why the Joint Agency Response is no longer needed"))
            }
            if post["retriage-confirm"] != "yes" {
                errors.append(
                    .init(
                        field: "retriage-confirm", message: "Confirm that the Joint Agency Response is to be completed")
                )
            }
            if !errors.isEmpty {
                return try await show(
                    request, context, services, errors: errors, post: post, status: .unprocessableContent)
            }
        }
        do {
            try services.engine.workflow.retriage(
                caseID, expectation: expectation, confirmedBy: context.requireStaff().user.displayName,
                triggers: triggers,
                reason: ends ? post["retriage-reason"] : nil, by: context.requireStaff().actor)
        } catch {
            return try await show(
                request, context, services, errors: [.init(field: "expectation", message: try refusal(error))],
                post: post, status: .unprocessableContent)
        }
        return redirect(to: "/cases/\(caseID)/rapid-response?done=triaged")
    }

    /// POST /cases/:case/rapid-response
    static func convene(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, _) = try CasePages.caseInScope(context, services)
        if let group = post["action"].flatMap(PublicPages.addRowTarget) {
            return try await show(request, context, services, post: post, extraRows: [group])
        }
        var errors: [PageChrome.ErrorLink] = []
        let start = post["starts"].flatMap(LocalDateTime.parse)
        if start == nil {
            errors.append(
                .init(field: "starts", message: "Enter the date and time of the meeting, for example 2026-06-03 14:00"))
        }
        let minutes = Int(post["duration"] ?? "60") ?? 0
        if !(15...480).contains(minutes) {
            errors.append(.init(field: "duration", message: "The length must be between 15 and 480 minutes"))
        }
        let invitees = InviteeRows.read(post, errors: &errors)
        guard errors.isEmpty, let start else {
            return try await show(request, context, services, errors: errors, post: post, status: .unprocessableContent)
        }
        let venue = MeetingVenue(place: post["place"], callLink: post["call-link"])
        let reference = caseID.reference
        do {
            let meetingID = try services.engine.workflow.conveneRapidResponse(
                for: caseID, scheduledFor: start, invitees: invitees, by: context.requireStaff().actor
            ) { id in
                .schedule(
                    meetingID: id, type: .rapidResponse, title: "Rapid-response meeting \(reference)", startsAt: start,
                    endsAt: start.addingTimeInterval(Double(minutes) * 60), venue: venue, theme: nil)
            }
            return redirect(to: "/meetings/\(meetingID)?done=convened")
        } catch {
            return try await show(
                request, context, services, errors: [.init(field: "starts", message: try refusal(error))], post: post,
                status: .unprocessableContent)
        }
    }

    /// `POST /cases/{id}/rapid-response/complete`: the designated doctor completes the Joint Agency Response.
    static func complete(_ request: Request, _ context: WebContext, _ services: WebServices) async throws -> Response {
        var request = request
        let post = try await request.formPost(context: context)
        let (caseID, _) = try CasePages.caseInScope(context, services)
        do {
            try await services.engine.workflow.execute(
                .completeRapidResponse(note: post["note"] ?? ""), on: caseID, by: context.requireStaff().actor)
        } catch {
            return try await show(
                request, context, services, errors: [.init(field: "note", message: try refusal(error))], post: post,
                status: .unprocessableContent)
        }
        return redirect(to: "/cases/\(caseID)/rapid-response?done=completed")
    }

    static func show(
        _ request: Request, _ context: WebContext, _ services: WebServices, errors: [PageChrome.ErrorLink] = [],
        post: FormPost = FormPost(), extraRows: Set<String> = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (caseID, state) = try CasePages.caseInScope(context, services)
        try await services.accessLog.recordCaseViewed(caseID, view: .casePage, by: context.requireStaff().user)
        var convened: [MeetingID: MeetingState] = [:]
        for meetingID in state.rapidResponse?.meetings ?? [] {
            convened[meetingID] = try? services.engine.workflow.meetingState(meetingID)
        }
        let view = RapidResponseView(
            caseID: caseID, state: state, convened: convened, post: post, extraRows: extraRows, errors: errors)
        let notice: String? =
            switch request.uri.queryParameters.get("done") {
            case "triaged": "The triage has been recorded."
            case "completed": "The Joint Agency Response is complete. The case can now go on to the panel."
            default: nil
            }
        return services.renderer.page(
            "rapid-response", view,
            chrome: services.chrome(
                "Rapid response \(view.reference)", context, path: "/rapid-responses", notice: notice, errors: errors),
            status: status)
    }
}

struct RapidResponseList: Encodable {
    struct Row: Encodable {
        var reference: String
        var href: String
        var reported: String
        var area: String
        var notified: String
        var status: String
    }

    var awaiting: [Row]
    var hasAwaiting: Bool
    var active: [Row]
    var hasActive: Bool
}

/// A date and time typed in London's local time (`YYYY-MM-DDTHH:MM` from a datetime-local input, or with a space).
enum LocalDateTime {
    static func parse(_ text: String) -> Date? {
        let parts = text.replacingOccurrences(of: " ", with: "T").split(separator: "T")
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count >= 2, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour),
            (0..<60).contains(minute),
            let time = TimeOfDay(hour: hour, minute: minute)
        else { return nil }
        return LondonTime.instant(on: day, at: time)
    }

    /// The value a datetime-local input shows for `instant`.
    static func inputValue(_ instant: Date) -> String {
        let time = LondonTime.time(of: instant)
        return LondonTime.day(of: instant).iso + "T" + String(format: "%02d:%02d", time.hour, time.minute)
    }
}

/// The invitee rows of a convene form: `invitees[N].name`, `.email`, `.role`, `.organisation`.
enum InviteeRows {
    static func count(_ post: FormPost) -> Int {
        FormView.rowCount(of: "invitees", in: post.values)
    }

    static func read(_ post: FormPost, errors: inout [PageChrome.ErrorLink]) -> [Invitee] {
        var invitees: [Invitee] = []
        for index in 0..<count(post) {
            let name = post["invitees[\(index)].name"]
            let email = post["invitees[\(index)].email"]
            if name == nil, email == nil { continue }
            guard let name else {
                errors.append(.init(field: "invitees-\(index)-name", message: "Enter the name of invitee \(index + 1)"))
                continue
            }
            if let refusal = InviteeNames.refusal(name, index: index) {
                errors.append(.init(field: "invitees-\(index)-name", message: refusal.description))
                continue
            }
            guard let email, (try? EmailAddress.validated(email, field: "email")) != nil else {
                errors.append(
                    .init(
                        field: "invitees-\(index)-email",
                        message:
                            "Enter the email address of invitee \(index + 1) in the right format, like name@example.org"
                    ))
                continue
            }
            let role = post["invitees[\(index)].role"].flatMap(InviteeRole.init(rawValue:)) ?? .other
            invitees.append(
                Invitee(name: name, email: email, role: role, organisation: post["invitees[\(index)].organisation"]))
        }
        return invitees
    }
}

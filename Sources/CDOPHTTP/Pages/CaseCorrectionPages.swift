import CDOPApp
import CDOPDomain
import CDOPProjections
import Foundation
import HTTPTypes
import Hummingbird

/// "Correct the notification": a form prefilled with what was notified, a reason, and (when the date of death
/// changes) a confirmation step saying what the date of death moves before anything is saved.
enum CaseCorrectionPages {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/cases/:case/correction", .staff([.coordinator]), .page, showCorrection(services))
        routes.post("/cases/:case/correction", .staff([.coordinator]), .page, saveCorrection(services))
    }

    /// GET /cases/:case/correction
    static func showCorrection(_ services: WebServices) -> RouteTable.Handler {
        { _, context in
            let (caseID, state) = try CasePages.caseInScope(context, services)
            guard let notification = state.notification else { throw HTTPError(.notFound) }
            try await services.accessLog.recordCaseViewed(caseID, view: .notification, by: context.requireStaff().user)
            return page(caseID, notification, post: nil, errors: [], context, services)
        }
    }

    /// POST /cases/:case/correction
    static func saveCorrection(_ services: WebServices) -> RouteTable.Handler {
        { request, context in
            var request = request
            let post = try await request.formPost(context: context)
            let (caseID, state) = try CasePages.caseInScope(context, services)
            guard let notification = state.notification else { throw HTTPError(.notFound) }
            var form = CorrectionForm(post: post, current: notification)
            if (post["reason"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                form.errors.append(.init(field: "reason", message: "Enter the reason for the correction"))
            }
            guard form.errors.isEmpty else {
                return page(
                    caseID, notification, post: post, errors: form.errors, context, services,
                    status: .unprocessableContent)
            }
            let corrected = form.correction.applied(to: notification)
            if corrected.death.date != notification.death.date, post["confirmed"] != "yes" {
                let view = DeathDateConfirmView(
                    caseID: caseID, state: state, from: notification.death.date, to: corrected.death.date, post: post)
                return services.renderer.page(
                    "case-correction-confirm", view,
                    chrome: services.chrome("Check the new date of death", context, path: "/cases"))
            }
            do {
                try services.engine.workflow.correctNotification(
                    caseID, form.correction, reason: post["reason"] ?? "", by: context.requireStaff().actor)
            } catch {
                return page(
                    caseID, notification, post: post, errors: [.init(field: "reason", message: try refusal(error))],
                    context, services,
                    status: .unprocessableContent)
            }
            return redirect(to: "/cases/\(caseID)?done=corrected")
        }
    }

    static func page(
        _ caseID: CaseID, _ notification: DeathNotification, post: FormPost?, errors: [PageChrome.ErrorLink],
        _ context: WebContext,
        _ services: WebServices, status: HTTPResponse.Status = .ok
    ) -> Response {
        let view = CorrectionFormView(caseID: caseID, notification: notification, post: post, errors: errors)
        return services.renderer.page(
            "case-correction", view,
            chrome: services.chrome(
                "Correct the notification of \(view.reference)", context, path: "/cases", errors: errors),
            status: status)
    }
}

/// The correction form's fields read into a `NotificationCorrection`: only the fields whose value differs
/// from what was notified are given.
struct CorrectionForm {
    var correction = NotificationCorrection()
    var errors: [PageChrome.ErrorLink] = []

    init(post: FormPost, current n: DeathNotification) {
        func text(_ name: String) -> String { (post[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func date(_ name: String, _ label: String) -> CalendarDate? {
            guard let value = CalendarDate(iso: text(name)) else {
                errors.append(.init(field: name, message: "Enter the \(label) as a real date, for example 2026-11-14"))
                return nil
            }
            return value
        }
        var child = NotificationCorrection.Child()
        let aliases = text("aliases").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let name = PersonName(forenames: text("forenames"), surname: text("surname"), aliases: aliases)
        if name != n.child.name { child.name = name }
        if let born = date("dateOfBirth", "date of birth"), born != n.child.dateOfBirth { child.dateOfBirth = born }
        if let sex = Sex(rawValue: text("sex")), sex != n.child.sex { child.sex = sex }
        let nhs = text("nhsNumber")
        if !nhs.isEmpty, nhs != n.child.nhsNumber.number?.text { child.nhsNumber = .known(NHSNumber(nhs)) }
        if let ethnicity = Ethnicity(rawValue: text("ethnicity")), ethnicity != n.child.ethnicity {
            child.ethnicity = ethnicity
        }
        let lines = text("addressLines").split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
        let postcode = text("postcode")
        let address =
            lines.isEmpty && postcode.isEmpty ? nil : Address(lines: lines, postcode: postcode.isEmpty ? nil : postcode)
        if let address, address != n.child.address { child.address = address }
        if text("gpPractice") != (n.child.gpPractice ?? "") { child.gpPractice = text("gpPractice") }
        if child != NotificationCorrection.Child() { correction.child = child }

        var death = NotificationCorrection.Death()
        if let died = date("dateOfDeath", "date of death"), died != n.death.date { death.date = died }
        if !text("timeOfDeath").isEmpty {
            if let time = TimeOfDay(text: text("timeOfDeath")) {
                if time != n.death.time { death.time = time }
            } else {
                errors.append(
                    .init(
                        field: "timeOfDeath", message: "Enter the time of death as hours and minutes, for example 02:10"
                    ))
            }
        }
        if let kind = PlaceOfDeathKind(rawValue: text("placeKind")) {
            let place = PlaceOfDeath(
                kind: kind, description: text("placeDescription").isEmpty ? nil : text("placeDescription"))
            if place != n.death.place { death.place = place }
        }
        if let value = BirthStatus(rawValue: text("birthStatus")), value != n.death.birthStatus {
            death.birthStatus = value
        }
        if let value = Expectation(rawValue: text("reportedExpectation")), value != n.death.reportedExpectation {
            death.reportedExpectation = value
        }
        if let value = YesNoNotKnown(rawValue: text("postMortem")), value != n.death.postMortem {
            death.postMortem = value
        }
        if let value = YesNoNotKnown(rawValue: text("coronerInformed")), value != n.death.coronerInformed {
            death.coronerInformed = value
        }
        if text("causeOfDeath") != (n.death.causeOfDeath ?? "") { death.causeOfDeath = text("causeOfDeath") }
        if death != NotificationCorrection.Death() { correction.death = death }

        if text("residenceAreaCode") != (n.residenceAreaCode ?? "") {
            correction.residenceAreaCode = text("residenceAreaCode")
        }
        if text("areaOfDeathCode") != (n.areaOfDeathCode ?? "") { correction.areaOfDeathCode = text("areaOfDeathCode") }
        if text("circumstances") != n.circumstances { correction.circumstances = text("circumstances") }
        var notifier = n.notifier
        notifier.name = text("notifierName")
        notifier.role = text("notifierRole")
        notifier.organisation = text("notifierOrganisation")
        notifier.phone = text("notifierPhone").isEmpty ? nil : text("notifierPhone")
        notifier.email = text("notifierEmail").isEmpty ? nil : text("notifierEmail")
        if notifier != n.notifier { correction.notifier = notifier }
    }
}

struct CorrectionFormView: Encodable {
    typealias Option = CasePageView.Option

    var reference: String
    var action: String
    var caseHref: String
    var values: [String: String]
    var sexes: [Option]
    var ethnicities: [Option]
    var places: [Option]
    var postMortems: [Option]
    var coroners: [Option]
    var birthStatuses: [Option]
    var expectations: [Option]
    var errorFor: [String: String]

    init(caseID: CaseID, notification n: DeathNotification, post: FormPost?, errors: [PageChrome.ErrorLink]) {
        reference = caseID.reference
        action = "/cases/\(caseID)/correction"
        caseHref = "/cases/\(caseID)"
        let current: [String: String] = [
            "forenames": n.child.name.forenames, "surname": n.child.name.surname,
            "aliases": n.child.name.aliases.joined(separator: ", "), "dateOfBirth": n.child.dateOfBirth.iso,
            "sex": n.child.sex.rawValue, "nhsNumber": n.child.nhsNumber.number?.text ?? "",
            "ethnicity": n.child.ethnicity.rawValue,
            "addressLines": n.child.address?.lines.joined(separator: "\n") ?? "",
            "postcode": n.child.address?.postcode ?? "", "gpPractice": n.child.gpPractice ?? "",
            "dateOfDeath": n.death.date.iso, "timeOfDeath": n.death.time?.description ?? "",
            "placeKind": n.death.place.kind.rawValue, "placeDescription": n.death.place.description ?? "",
            "postMortem": n.death.postMortem.rawValue, "coronerInformed": n.death.coronerInformed.rawValue,
            "causeOfDeath": n.death.causeOfDeath ?? "", "residenceAreaCode": n.residenceAreaCode ?? "",
            "areaOfDeathCode": n.areaOfDeathCode ?? "", "circumstances": n.circumstances, "reason": "",
            "birthStatus": n.death.birthStatus.rawValue, "reportedExpectation": n.death.reportedExpectation.rawValue,
            "notifierName": n.notifier.name, "notifierRole": n.notifier.role,
            "notifierOrganisation": n.notifier.organisation,
            "notifierPhone": n.notifier.phone ?? "", "notifierEmail": n.notifier.email ?? "",
        ]
        var values = current
        if let post { for key in current.keys { values[key] = post[key] ?? "" } }
        self.values = values
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ key: String) -> [Option]
        where T.RawValue == String {
            T.allCases.map {
                Option(
                    value: $0.rawValue, label: CaseNotificationView.words($0.rawValue),
                    selected: $0.rawValue == values[key])
            }
        }
        sexes = options(Sex.self, "sex")
        ethnicities = options(Ethnicity.self, "ethnicity")
        places = options(PlaceOfDeathKind.self, "placeKind")
        postMortems = options(YesNoNotKnown.self, "postMortem")
        coroners = options(YesNoNotKnown.self, "coronerInformed")
        birthStatuses = options(BirthStatus.self, "birthStatus")
        expectations = options(Expectation.self, "reportedExpectation")
        errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The confirmation step of a corrected date of death: what the date of death moves, and what it leaves.
struct DeathDateConfirmView: Encodable {
    struct Hidden: Encodable {
        var name: String
        var value: String
    }

    var reference: String
    var action: String
    var caseHref: String
    var from: String
    var to: String
    var moves: [String]
    var stays: [String]
    var hasStays: Bool
    var hidden: [Hidden]

    init(caseID: CaseID, state: CaseState, from: CalendarDate, to: CalendarDate, post: FormPost) {
        reference = caseID.reference
        action = "/cases/\(caseID)/correction"
        caseHref = "/cases/\(caseID)"
        self.from = DayFormatter.long(from)
        self.to = DayFormatter.long(to)
        var moves: [String] = []
        if let born = state.notification?.child.dateOfBirth {
            let before = AgeAtDeath.days(born: born, on: from)
            let after = AgeAtDeath.days(born: born, on: to)
            moves.append("The child's age at death: from \(before) to \(after) days of life")
        }
        moves.append(
            "The review's timeliness (from the death to the panel's review) counts from \(self.to) instead of \(self.from)"
        )
        self.moves = moves
        stays = state.schedules.filter { !$0.isStopped }.flatMap { run in
            run.steps.filter { run.reached[$0.name] == nil }.compactMap { step -> String? in
                guard case .target = step.action else { return nil }
                let name = ScheduleStepWords.words(step.name)
                return "\(name.capitalisedFirst): "
                    + "\(DayFormatter.long(LondonTime.day(of: step.dueAt))), counted from \(run.target == .caseReview ? "the notification" : "the rapid response's opening"), stays"
            }
        }
        hasStays = !stays.isEmpty
        hidden = post.answersOnly.keys.sorted().filter { $0 != "confirmed" }.map {
            Hidden(name: $0, value: post[$0] ?? "")
        }
    }
}

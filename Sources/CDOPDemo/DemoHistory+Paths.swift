import CDOPApp
import CDOPDomain

/// The usual path of a case, from notification to wherever it stands today, in one call.
extension DemoHistory {
    /// A case notified on the day of death, triaged the next day (a rapid response when `triggers` are given,
    /// its meeting two days later), its forms requested the day after triage and answered on the days after
    /// the request in `answeredAfter` (default: spread over two weeks); then, when given (days ago): the review
    /// meeting, readiness, listing on panel meeting `panel` (its day, days ago), the panel's outcome on that
    /// day, the national submission and closure.
    func usualCase(
        _ key: String, died: Int, ageDays: Int, sex: Sex, area: String, place: PlaceOfDeathKind,
        triggers: Set<JARTrigger> = [], circumstances: String, cause: String? = nil,
        forms: [(agency: String, type: FormType)], answeredAfter: [Int]? = nil, answers: [Answer]? = nil,
        review: Int? = nil, ready: Int? = nil, listed: Int? = nil, panel: Int? = nil, outcome: Outcome? = nil,
        submitted: Int? = nil, closed: Int? = nil
    ) {
        notify(
            key, died: died, ageDays: ageDays, sex: sex, area: area,
            expectation: triggers.isEmpty ? .expected : .unexpected,
            place: place, circumstances: circumstances, cause: cause,
            by: triggers.isEmpty ? (place == .hospice ? Self.hospice : Self.ward) : Self.emergencyDepartment)
        triage(key, ago: died - 1, triggers: triggers)
        if !triggers.isEmpty {
            convene(key, ago: died - 1, meetingAgo: died - 3)
            rapidResponseHeld(key, ago: died - 3)
            completeRapidResponse(key, ago: died - 15)
        }
        request(key, ago: died - 2, forms)
        for (index, form) in forms.enumerated() {
            let after = answeredAfter?[index] ?? 4 + 3 * index
            answer(key, form.agency, form.type, answers?[index] ?? .returned, ago: died - 2 - after)
        }
        if let review { reviewMeeting(key, ago: review, readyAgo: ready) }
        if let listed, let panel { list(key, on: Self.panelKey(panel), ago: listed) }
        if let outcome, let panel { self.review(key, ago: panel, outcome) }
        if let submitted { submit(key, ago: submitted, closeAgo: closed) }
    }

    /// The key of the panel meeting held `ago` days ago (negative: to come).
    static func panelKey(_ ago: Int) -> String { "panel\(ago)" }
}

import CDOPDomain
import Foundation

extension CaseTimeline {
    /// The line a coordinator reads for `event`: schedule steps in words, with the agency they concern
    /// (`agencies`: each request's agency); nil keeps the event's own summary.
    static func words(_ event: CaseEvent, agencies: [FormRequestID: String]) -> String? {
        func agency(_ target: ScheduleTarget) -> String {
            if case .formRequest(let id) = target { return agencies[id] ?? "the agency" }
            return "the agency"
        }
        switch event {
        case .scheduleStarted(let e):
            let steps = e.steps.map {
                "\(ScheduleStepWords.words($0.name)) on \(DayFormatter.long(LondonTime.day(of: $0.dueAt)))"
            }
            let whose = if case .formRequest = e.target { " for the form from \(agency(e.target))" } else { "" }
            return "\(e.title) started\(whose): " + steps.joined(separator: ", ")
        case .scheduleStepReached(let e):
            let step = ScheduleStepWords.words(e.step)
            if e.outcome == .alreadyMet { return "No \(step) needed: already met" }
            let line: String =
                switch e.action {
                case .due: "The form from \(agency(e.target)) fell due"
                case .remind(_, let kind): "\(kind.label) sent to \(agency(e.target))"
                case .escalate(let level): "The overdue form from \(agency(e.target)) escalated to \(level.label)"
                case .target(_, let to): "\(step.capitalisedFirst): \(ScheduleStepWords.recipients(to)) told"
                case .requestErasure(let to):
                    "The retention period ended: erasure of the case's personal data asked for, \(ScheduleStepWords.recipients(to)) told"
                }
            return line
        case .nationalReturnPartFinalised(let e):
            guard case .request(let id) = e.part else { return nil }
            return "The form from \(agencies[id] ?? "the agency") finalised for the national return"
        case .nationalReturnPartReopened(let e):
            guard case .request(let id) = e.part else { return nil }
            return "The finalised form from \(agencies[id] ?? "the agency") reopened: \(e.reason)"
        default:
            return nil
        }
    }

    /// Repeated openings of the same request's link, one after another, folded into one line with a count.
    static func foldingOpenings(_ entries: [(entry: TimelineEntry, opened: FormRequestID?)]) -> [TimelineEntry] {
        var folded: [(entry: TimelineEntry, opened: FormRequestID?, count: Int, first: String)] = []
        for (entry, opened) in entries {
            if let opened, let last = folded.last, last.opened == opened {
                folded[folded.count - 1].count += 1
                folded[folded.count - 1].entry.at = entry.at
                folded[folded.count - 1].entry.position = entry.position
                continue
            }
            folded.append((entry, opened, 1, entry.what))
        }
        return folded.map { item in
            var entry = item.entry
            if item.count > 1 { entry.what = "\(item.first) (\(item.count) times, the last shown)" }
            return entry
        }
    }
}

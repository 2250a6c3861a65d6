/// The dates on which a case's review moved, from its events: each review and reopening, when it was declared
/// ready for the panel, each pause for an external process, and when each agreed action was completed. From
/// these the annual report counts what stood where on any day (the end of a past reporting year), not only
/// today. Kept as text in the report's read model (`encoded`), one `kind:date` entry per fact.
package struct ReviewTimeline: Hashable, Sendable {
    package var reviews: [CalendarDate] = []
    package var reopenings: [CalendarDate] = []
    /// The day the case was last declared ready for the panel (since its last reopening).
    package var readyOn: CalendarDate?
    package var pauses: [(from: CalendarDate, until: CalendarDate?)] = []
    package var actionsCompleted: [CalendarDate] = []

    package init() {}

    /// The timeline of `state`'s review.
    package init(_ state: CaseState) {
        reviews = (state.supersededOutcomes + (state.panelOutcome.map { [$0] } ?? [])).map(\.reviewedOn)
        reopenings = state.reopenings.map { LondonTime.day(of: $0.at) }
        readyOn = state.readyForPanelAt.map(LondonTime.day(of:))
        pauses = state.pauses.map { ($0.from, $0.until) }
        actionsCompleted = state.recommendations.compactMap(\.completedOn)
    }

    /// Whether the case stood reviewed at the end of `day`: its latest review by then came after its latest
    /// reopening by then.
    package func isReviewed(asAt day: CalendarDate) -> Bool {
        guard let review = reviews.filter({ $0 <= day }).max() else { return false }
        return reopenings.filter { $0 <= day }.allSatisfy { $0 < review }
    }

    /// Whether a pause for an external process covered the end of `day`.
    package func isPaused(asAt day: CalendarDate) -> Bool {
        pauses.contains { $0.from <= day && ($0.until.map { $0 > day } ?? true) }
    }

    /// Whether the case stood ready for the panel at the end of `day` (and not reviewed).
    package func isReady(asAt day: CalendarDate) -> Bool {
        guard let readyOn, readyOn <= day else { return false }
        return reopenings.filter { $0 <= day }.allSatisfy { $0 <= readyOn }
    }

    /// How many of `agreed` actions were still open at the end of `day`.
    package func actionsOpen(of agreed: Int, asAt day: CalendarDate) -> Int {
        agreed - actionsCompleted.filter { $0 <= day }.count
    }

    /// As stored: `R:2021-05-04;O:…;Y:…;P:2020-10-01/2021-01-15;P:2021-02-01/;A:…`.
    package var encoded: String {
        var entries = reviews.map { "R:\($0.iso)" } + reopenings.map { "O:\($0.iso)" }
        if let readyOn { entries.append("Y:\(readyOn.iso)") }
        entries += pauses.map { "P:\($0.from.iso)/\($0.until?.iso ?? "")" }
        entries += actionsCompleted.map { "A:\($0.iso)" }
        return entries.joined(separator: ";")
    }

    /// Reads `encoded`; nil when an entry is not one it writes.
    package init?(encoded text: String) {
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let value = String(parts[1])
            switch parts[0] {
            case "P":
                let ends = value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                guard ends.count == 2, let from = CalendarDate(iso: String(ends[0])) else { return nil }
                let until = ends[1].isEmpty ? nil : CalendarDate(iso: String(ends[1]))
                if !ends[1].isEmpty, until == nil { return nil }
                pauses.append((from, until))
            default:
                guard let day = CalendarDate(iso: value) else { return nil }
                switch parts[0] {
                case "R": reviews.append(day)
                case "O": reopenings.append(day)
                case "Y": readyOn = day
                case "A": actionsCompleted.append(day)
                default: return nil
                }
            }
        }
    }

    package static func == (a: ReviewTimeline, b: ReviewTimeline) -> Bool { a.encoded == b.encoded }
    package func hash(into hasher: inout Hasher) { hasher.combine(encoded) }
}

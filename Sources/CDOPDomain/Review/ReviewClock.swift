/// The review's timeliness: days from death to completion, not counting days spent waiting on external
/// processes (overlapping pauses count once).
package enum ReviewClock {
    /// Days from `start` to `end` minus the days covered by any pause; open pauses run to `end`.
    package static func activeDays(from start: CalendarDate, to end: CalendarDate, pauses: [PausePeriod]) -> Int {
        guard start < end else { return 0 }
        let total = start.days(until: end)
        return total - pausedDays(from: start, to: end, pauses: pauses)
    }

    /// Days in [start, end) covered by at least one pause.
    package static func pausedDays(from start: CalendarDate, to end: CalendarDate, pauses: [PausePeriod]) -> Int {
        let intervals = pauses.compactMap { pause -> (Int, Int)? in
            let lower = max(pause.from, start).daysSinceEpoch
            let upper = min(pause.until ?? end, end).daysSinceEpoch
            return lower < upper ? (lower, upper) : nil
        }.sorted { $0.0 < $1.0 }
        var covered = 0
        var current: (Int, Int)?
        for interval in intervals {
            if let open = current, interval.0 <= open.1 {
                current = (open.0, max(open.1, interval.1))
            } else {
                if let open = current { covered += open.1 - open.0 }
                current = interval
            }
        }
        if let open = current { covered += open.1 - open.0 }
        return covered
    }
}

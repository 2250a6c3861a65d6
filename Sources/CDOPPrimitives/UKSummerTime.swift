/// The rule of UK civil time: GMT, and BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
/// last Sunday of October (the Summer Time Order 2002; the rule since 1996). Computed from the rule, not a
/// time-zone database, so that deadlines, pages and invitations always agree.
package enum UKSummerTime {
    /// Seconds the UK is ahead of UTC at `utcSeconds` after 1970-01-01T00:00Z: 0 (GMT) or 3600 (BST).
    package static func offsetSeconds(atUTCSeconds utcSeconds: Int) -> Int {
        let year = CivilDays.civil(fromDays: CivilDays.floorDivide(utcSeconds, 86_400)).year
        return (start(in: year)..<end(in: year)).contains(utcSeconds) ? 3600 : 0
    }

    /// The start of BST in `year`, in seconds since the epoch: 01:00 UTC on the last Sunday of March.
    package static func start(in year: Int) -> Int { lastSunday(month: 3, year: year) * 86_400 + 3600 }

    /// The end of BST in `year`, in seconds since the epoch: 01:00 UTC on the last Sunday of October.
    package static func end(in year: Int) -> Int { lastSunday(month: 10, year: year) * 86_400 + 3600 }

    /// Days since 1970-01-01 of the last Sunday of `month` (March or October).
    package static func lastSunday(month: Int, year: Int) -> Int {
        let last = CivilDays.daysSinceEpoch(year: year, month: month + 1, day: 1) - 1
        return last - CivilDays.weekday(ofDay: last)
    }
}

import CDOPPrimitives
import Foundation

/// UK civil time: GMT, and BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October (the Summer Time Order 2002, following EU Directive 2000/84/EC; the rule since 1996).
///
/// Computed from the rule, not the machine's time-zone database, so that the VTIMEZONE block written into
/// every invitation and the times written beside it always agree.
package enum EuropeLondon {
    package static let identifier = "Europe/London"

    /// The start of BST in `year`: 01:00 UTC on the last Sunday of March.
    package static func summerTimeStart(in year: Int) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: UKSummerTime.start(in: year))
    }

    /// The end of BST in `year`: 01:00 UTC on the last Sunday of October.
    package static func summerTimeEnd(in year: Int) -> CivilDateTime {
        CivilDateTime(secondsSinceEpoch: UKSummerTime.end(in: year))
    }

    /// The offset from UTC, in seconds, at an instant: 0 (GMT) or 3600 (BST).
    package static func offsetFromUTC(at instant: Date) -> Int {
        offsetFromUTC(atUTC: CivilDateTime(utc: instant))
    }

    static func offsetFromUTC(atUTC utc: CivilDateTime) -> Int {
        UKSummerTime.offsetSeconds(atUTCSeconds: utc.secondsSinceEpoch)
    }

    /// The London wall time at an instant.
    package static func localTime(at instant: Date) -> CivilDateTime {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        return CivilDateTime(secondsSinceEpoch: seconds + offsetFromUTC(at: instant))
    }

    /// The instant at which London clocks show `local`.
    ///
    /// An hour skipped in March has no instant and is refused. An hour repeated in October is read as its
    /// first occurrence (BST), as RFC 5545 section 3.3.5 prescribes for such local times.
    package static func instant(atLocal local: CivilDateTime) throws(LondonTimeError) -> Date {
        guard local.isValid else { throw .invalidDate(local) }
        let wall = local.secondsSinceEpoch
        // Try BST first, so that a repeated hour resolves to its first occurrence.
        for offset in [3600, 0] {
            let candidate = wall - offset
            if offsetFromUTC(atUTC: CivilDateTime(secondsSinceEpoch: candidate)) == offset {
                return Date(timeIntervalSince1970: TimeInterval(candidate))
            }
        }
        throw .skippedByClockChange(local)
    }
}

/// Why a London wall time names no instant.
package enum LondonTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fields do not form a real date and time.
    case invalidDate(CivilDateTime)
    /// The clocks jump from 01:00 to 02:00 on the last Sunday of March; times in that hour do not exist.
    case skippedByClockChange(CivilDateTime)

    package var description: String {
        switch self {
        case .invalidDate(let t): "\(t) is not a valid date and time"
        case .skippedByClockChange(let t): "\(t) does not exist in London: the clocks go forward over that hour"
        }
    }
}

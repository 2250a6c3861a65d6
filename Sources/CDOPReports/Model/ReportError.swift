import CDOPDomain

/// Why a report could not be made, in a coordinator's words.
package enum ReportError: Error, Equatable, CustomStringConvertible {
    case periodBackwards(from: CalendarDate, to: CalendarDate)
    case yearOutOfRange(Int)
    case thresholdOutOfRange(Int)
    case unreadable(String)

    package var description: String {
        switch self {
        case .periodBackwards(let from, let to):
            "The report's start (\(DayFormatter.long(from))) is after its end (\(DayFormatter.long(to)))."
        case .yearOutOfRange(let year):
            "The reporting year (\(year)) must be a year such as 2025 (for 1 April 2025 to 31 March 2026)."
        case .thresholdOutOfRange(let threshold):
            "The suppression threshold (\(threshold)) must be a whole number from 2 to 100."
        case .unreadable(let detail):
            "The report's facts could not be read: \(detail). Run `cdop rebuild` to check the read models."
        }
    }
}

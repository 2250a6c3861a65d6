/// A time the review waited on an external process: from the day it started, until the day it ended
/// (open while `until` is nil).
package struct PausePeriod: Hashable, Sendable {
    package var process: ExternalProcess
    package var reason: String
    package var from: CalendarDate
    package var until: CalendarDate?

    /// Whether the review is still waiting on this process.
    package var isOpen: Bool { until == nil }
}

import Foundation
import Synchronization

/// A clock moved by hand: the demo data set lives fourteen months of a panel in seconds, and tests run a month
/// of workflow in milliseconds. It only moves when told to.
package final class ManualClock: AppClock, Sendable {
    private let instant: Mutex<Date>

    package init(_ start: Date) {
        instant = Mutex(start)
    }

    /// Starts at `iso` (e.g. "2026-06-01T09:00:00Z").
    package convenience init(iso: String) {
        self.init(ISO8601DateFormatter().date(from: iso)!)
    }

    package func now() -> Date { instant.withLock { $0 } }

    package func advance(days: Double = 0, hours: Double = 0, minutes: Double = 0) {
        instant.withLock { $0 += days * 86_400 + hours * 3600 + minutes * 60 }
    }

    package func set(_ date: Date) {
        instant.withLock { $0 = date }
    }
}

import CDOPApp
import Foundation
import Synchronization

/// A clock the test moves by hand: a month of workflow runs in milliseconds.
package final class TestClock: AppClock, Sendable {
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

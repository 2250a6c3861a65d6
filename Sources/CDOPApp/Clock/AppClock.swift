import Foundation

/// Where the shell gets "now". Deciders never read a clock; the shell reads this one and passes the instant in.
package protocol AppClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
package struct SystemClock: AppClock {
    package init() {}
    package func now() -> Date { Date() }
}

/// A clock fixed at one instant (for CLI `--now` and tests).
package struct FixedClock: AppClock {
    package let instant: Date
    package init(_ instant: Date) { self.instant = instant }
    package func now() -> Date { instant }
}

import Foundation

/// What a decision may know about the world: the instant it is made and the panel's configuration.
package struct DecisionContext: Sendable, Equatable {
    /// The instant of the decision, kept to the millisecond (the precision events store).
    package let now: Date
    /// The panel deciding, and the local-authority areas it covers.
    package let configuration: PanelConfiguration

    package init(now: Date, configuration: PanelConfiguration) {
        self.now = Timestamp.normalised(now)
        self.configuration = configuration
    }

    /// Today's date in England.
    package var today: CalendarDate { LondonTime.day(of: now) }
}

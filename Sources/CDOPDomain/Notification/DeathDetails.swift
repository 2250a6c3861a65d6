/// The death as notified: when, where, whether expected, post-mortem and coroner.
package struct DeathDetails: Hashable, Sendable, Codable {
    package var date: CalendarDate
    /// Time of death in England, when known.
    package var time: TimeOfDay?
    package var place: PlaceOfDeath
    package var birthStatus: BirthStatus
    /// The notifier's view; the designated doctor confirms it at triage.
    package var reportedExpectation: Expectation
    package var postMortem: YesNoNotKnown
    package var coronerInformed: YesNoNotKnown
    /// Cause as on the certificate (Ia …), when known.
    package var causeOfDeath: String?

    package init(
        date: CalendarDate, time: TimeOfDay? = nil, place: PlaceOfDeath, birthStatus: BirthStatus = .liveBorn,
        reportedExpectation: Expectation, postMortem: YesNoNotKnown, coronerInformed: YesNoNotKnown,
        causeOfDeath: String? = nil
    ) {
        self.date = date
        self.time = time
        self.place = place
        self.birthStatus = birthStatus
        self.reportedExpectation = reportedExpectation
        self.postMortem = postMortem
        self.coronerInformed = coronerInformed
        self.causeOfDeath = causeOfDeath
    }
}

import Foundation

/// What the panel decides about a case, as typed in (categories as numbers, to be checked).
package struct PanelOutcomeInput: Hashable, Sendable {
    /// Every category that could reasonably apply, as numbers 1 to 10.
    package var categories: [Int]
    package var factors: [ContributoryFactor]
    /// The modifiable-factors outcome; a review recorded on the older preventability scale may have none.
    package var outcome: ModifiableFactorsOutcome?
    /// Only for reviews completed before the panel's cut-over to the modifiable-factors outcome.
    package var legacyPreventability: LegacyPreventability?
    package var learningPoints: [LearningPoint]
    /// The cause of death as the panel understands it.
    package var causeOfDeath: String?
    /// The day the panel reviewed the case.
    package var reviewedOn: CalendarDate

    package init(
        categories: [Int], factors: [ContributoryFactor], outcome: ModifiableFactorsOutcome?,
        legacyPreventability: LegacyPreventability? = nil, learningPoints: [LearningPoint], causeOfDeath: String? = nil,
        reviewedOn: CalendarDate
    ) {
        self.categories = categories
        self.factors = factors
        self.outcome = outcome
        self.legacyPreventability = legacyPreventability
        self.learningPoints = learningPoints
        self.causeOfDeath = causeOfDeath
        self.reviewedOn = reviewedOn
    }
}

/// The panel's recorded outcome: the primary (highest-ranked) category and the others that applied,
/// factors by domain, the modifiable-factors outcome and learning.
package struct PanelOutcome: Hashable, Sendable, Codable {
    package var meetingID: MeetingID?
    package var primaryCategory: DeathCategory
    package var otherCategories: [DeathCategory]
    package var factors: [ContributoryFactor]
    package var outcome: ModifiableFactorsOutcome?
    package var legacyPreventability: LegacyPreventability?
    package var learningPoints: [LearningPoint]
    package var causeOfDeath: String?
    package var reviewedOn: CalendarDate

    /// The judgement in words: the modifiable-factors outcome, or the older preventability scale's.
    package var judgementLabel: String {
        if let outcome { return outcome.label }
        return legacyPreventability.map { "\($0.label) (older preventability scale)" } ?? "no judgement recorded"
    }
}

/// The checks on a panel outcome: real categories, consistent factors and outcome, the older preventability
/// scale only for reviews completed before the panel's cut-over (and then no modifiable-factors outcome needed).
package enum PanelOutcomeRules {
    /// The outcome with its primary (highest-ranked) category, or the first refusal.
    package static func validated(
        _ input: PanelOutcomeInput, meetingID: MeetingID?, death: CalendarDate, legacyScaleUntil: CalendarDate
    ) throws(DomainError) -> PanelOutcome {
        guard !input.categories.isEmpty else {
            throw DomainError(code: "outcome.categoryMissing", "The panel outcome needs a category of death (1 to 10).")
        }
        var categories: [DeathCategory] = []
        for rank in input.categories { categories.append(try DeathCategory.ranked(rank)) }
        let ordered = Array(Set(categories)).sorted()
        var factors: [ContributoryFactor] = []
        for factor in input.factors {
            var clean = factor
            clean.description = try TextField.required(
                factor.description, field: "description of a factor", code: "outcome.factorDescriptionMissing")
            if factor.modifiable && factor.level != .mayHaveContributed {
                throw DomainError(
                    code: "outcome.factorModifiableLevel",
                    "The factor \"\(clean.description)\" is marked modifiable but its level is \(factor.level.rawValue); "
                        + "only a level 2 factor (may have contributed) can be modifiable.")
            }
            factors.append(clean)
        }
        let modifiable = factors.filter(\.modifiable)
        switch input.outcome {
        case .modifiableFactorsIdentified where modifiable.isEmpty:
            throw DomainError(
                code: "outcome.noModifiableFactor",
                "The outcome is \"modifiable factors identified\" but no factor is marked modifiable.")
        case .noModifiableFactorsIdentified where !modifiable.isEmpty:
            throw DomainError(
                code: "outcome.modifiableFactorContradiction",
                "The outcome is \"no modifiable factors identified\" but the factor \"\(modifiable[0].description)\" "
                    + "is marked modifiable.")
        default: break
        }
        if input.legacyPreventability != nil && input.reviewedOn >= legacyScaleUntil {
            throw DomainError(
                code: "outcome.legacyPreventabilityNotApplicable",
                "The older preventability scale applies only to reviews completed before \(DayFormatter.long(legacyScaleUntil)); "
                    + "this review was on \(DayFormatter.long(input.reviewedOn)). Record the modifiable-factors outcome instead."
            )
        }
        if input.outcome == nil && input.legacyPreventability == nil {
            throw DomainError(
                code: "outcome.outcomeMissing",
                "The panel outcome needs the modifiable-factors outcome (modifiable, not modifiable or insufficient information)"
                    + (input.reviewedOn < legacyScaleUntil
                        ? ", or for this review the older preventability scale." : "."))
        }
        var learning: [LearningPoint] = []
        for point in input.learningPoints {
            learning.append(
                LearningPoint(
                    theme: try TextField.required(
                        point.theme, field: "learning point's theme", code: "outcome.learningThemeMissing"),
                    text: try TextField.required(
                        point.text, field: "learning point", code: "outcome.learningTextMissing")))
        }
        return PanelOutcome(
            meetingID: meetingID, primaryCategory: ordered[0], otherCategories: Array(ordered.dropFirst()),
            factors: factors, outcome: input.outcome, legacyPreventability: input.legacyPreventability,
            learningPoints: learning, causeOfDeath: TextField.optional(input.causeOfDeath), reviewedOn: input.reviewedOn
        )
    }
}

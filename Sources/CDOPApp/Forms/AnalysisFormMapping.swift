import CDOPDefinitions
import CDOPDomain
import Foundation

/// An action or recommendation agreed on the analysis form: what, who, and by when (if a date was set).
package struct AnalysisAction: Hashable, Sendable {
    package var text: String
    package var owner: String
    package var dueDate: CalendarDate?

    package init(text: String, owner: String, dueDate: CalendarDate?) {
        self.text = text
        self.owner = owner
        self.dueDate = dueDate
    }
}

/// What the analysis form records: the panel outcome to submit (`recordPanelOutcome`) and the actions to
/// record (`recordRecommendation`, one per action).
package struct AnalysisFormResult: Hashable, Sendable {
    package var outcome: PanelOutcomeInput
    package var actions: [AnalysisAction]
}

/// The analysis form (old Form C) ↔ the panel outcome and its actions.
package enum AnalysisFormMapping {
    private typealias F = AnalysisFields

    /// The outcome and actions the answers describe, checked by `PanelOutcomeRules` against the date of death
    /// and the panel's cut-over to the modifiable-factors outcome (each refusal put beside its field).
    package static func outcome(
        from answers: FormAnswers, form: FormDefinition, dateOfDeath: CalendarDate,
        legacyScaleUntil: CalendarDate = LegacyPreventability.defaultScaleUntil
    ) throws(FieldErrors) -> AnalysisFormResult {
        var r = FormAnswerReader(form: form, answers: answers)
        let reviewedOn = r.requiredDate(F.reviewedOn)
        var factors: [ContributoryFactor] = []
        for var row in r.rows(F.factors) {
            let domain = row.requiredChoice(F.factorDomain, as: FactorDomain.self)
            let level = row.requiredChoiceValue(F.factorLevel).flatMap(Int.init).flatMap(FactorLevel.init(rawValue:))
            let description = row.requiredText(F.factorDescription)
            let modifiable = row.yesNo(F.factorModifiable, required: level == .mayHaveContributed) == .yes
            if let domain, let level {
                factors.append(
                    ContributoryFactor(domain: domain, description: description, level: level, modifiable: modifiable))
            }
            r.merge(row)
        }
        let categories = r.multiple(F.categories).compactMap(Int.init)
        if categories.isEmpty { r.errors.append(form.missing(at: F.categories)) }
        let legacy = r.choice(F.legacyPreventability, as: LegacyPreventability.self)
        // A review on the older preventability scale needs no modifiable-factors outcome (none is invented).
        let outcome =
            legacy == nil
            ? r.requiredChoice(F.outcome, as: ModifiableFactorsOutcome.self)
            : r.choice(F.outcome, as: ModifiableFactorsOutcome.self)
        var learning: [LearningPoint] = []
        for var row in r.rows(F.learningPoints) {
            learning.append(
                LearningPoint(theme: row.requiredText(F.learningTheme), text: row.requiredText(F.learningText)))
            r.merge(row)
        }
        var actions: [AnalysisAction] = []
        for var row in r.rows(F.actions) {
            actions.append(
                AnalysisAction(
                    text: row.requiredText(F.actionText), owner: row.requiredText(F.actionOwner),
                    dueDate: row.date(F.actionDueDate)))
            r.merge(row)
        }
        let input = PanelOutcomeInput(
            categories: categories, factors: factors, outcome: outcome,
            legacyPreventability: legacy,
            learningPoints: learning, causeOfDeath: r.text(F.causeOfDeath), reviewedOn: reviewedOn ?? dateOfDeath)
        guard r.errors.isEmpty else { throw FieldErrors(r.errors) }
        do throws(DomainError) {
            _ = try PanelOutcomeRules.validated(
                input, meetingID: nil, death: dateOfDeath, legacyScaleUntil: legacyScaleUntil)
        } catch {
            throw FieldErrors([fieldError(for: error, in: input, form: form)])
        }
        return AnalysisFormResult(outcome: input, actions: actions)
    }

    /// A domain refusal of an outcome, beside the field it is about.
    package static func fieldError(for error: DomainError, in input: PanelOutcomeInput, form: FormDefinition)
        -> FieldError
    {
        func factorPath(_ field: String, where matches: (ContributoryFactor) -> Bool) -> String {
            "\(F.factors)[\(input.factors.firstIndex(where: matches) ?? 0)].\(field)"
        }
        switch error.code {
        case "outcome.categoryMissing": return form.missing(at: F.categories)
        case "outcome.categoryOutOfRange": return form.error(at: F.categories, "Choose one of the options listed")
        case "outcome.factorDescriptionMissing":
            return form.missing(
                at: factorPath(F.factorDescription) { $0.description.trimmingCharacters(in: .whitespaces).isEmpty })
        case "outcome.factorModifiableLevel":
            return form.error(
                at: factorPath(F.factorModifiable) { $0.modifiable && $0.level != .mayHaveContributed },
                "Only a level 2 factor can be modifiable")
        case "outcome.noModifiableFactor":
            return form.error(
                at: F.outcome, "Mark at least one level 2 factor as modifiable, or choose a different outcome")
        case "outcome.modifiableFactorContradiction":
            return form.error(
                at: F.outcome,
                "A factor is marked as modifiable: choose ‘Modifiable factors identified’ or change the factor")
        case "outcome.legacyPreventabilityNotApplicable":
            return form.error(
                at: F.legacyPreventability,
                "Leave preventability blank: the older scale is only for reviews completed before the panel's cut-over")
        case "outcome.outcomeMissing":
            return form.missing(at: F.outcome)
        case "outcome.learningThemeMissing":
            let index = input.learningPoints.firstIndex { $0.theme.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            return form.missing(at: "\(F.learningPoints)[\(index)].\(F.learningTheme)")
        case "outcome.learningTextMissing":
            let index = input.learningPoints.firstIndex { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
            return form.missing(at: "\(F.learningPoints)[\(index)].\(F.learningText)")
        default:
            return FieldError(path: "", label: form.title, message: error.description)
        }
    }

    /// A recorded outcome (and its actions) as answers to the analysis form, to show it filled in.
    package static func answers(from outcome: PanelOutcome, actions: [AnalysisAction]) -> FormAnswers {
        var a: FormAnswers = [F.reviewedOn: .date(outcome.reviewedOn)]
        if let cause = outcome.causeOfDeath, !cause.isEmpty { a[F.causeOfDeath] = .text(cause) }
        let factors: [FormAnswers] = outcome.factors.map { factor in
            var row: FormAnswers = [
                F.factorDomain: .choice(factor.domain.rawValue), F.factorDescription: .text(factor.description),
                F.factorLevel: .choice(String(factor.level.rawValue)),
            ]
            if factor.level == .mayHaveContributed { row[F.factorModifiable] = .yesNo(factor.modifiable ? .yes : .no) }
            return row
        }
        if !factors.isEmpty { a[F.factors] = .groups(factors) }
        a[F.categories] = .multiple(
            ([outcome.primaryCategory] + outcome.otherCategories).sorted().map { String($0.rawValue) })
        if let judged = outcome.outcome { a[F.outcome] = .choice(judged.rawValue) }
        if let legacy = outcome.legacyPreventability { a[F.legacyPreventability] = .choice(legacy.rawValue) }
        let learning: [FormAnswers] = outcome.learningPoints.map {
            [F.learningTheme: .text($0.theme), F.learningText: .text($0.text)]
        }
        if !learning.isEmpty { a[F.learningPoints] = .groups(learning) }
        let rows: [FormAnswers] = actions.map { action in
            var row: FormAnswers = [F.actionText: .text(action.text), F.actionOwner: .text(action.owner)]
            if let due = action.dueDate { row[F.actionDueDate] = .date(due) }
            return row
        }
        if !rows.isEmpty { a[F.actions] = .groups(rows) }
        return a
    }
}

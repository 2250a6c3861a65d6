import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// The panel's outcome as a JSON file: what `cdop outcome record` reads.
struct PanelOutcomeFile: Decodable {
    /// Every category of death that could reasonably apply, 1 to 10; the lowest number is recorded as primary.
    var categories: [Int]
    var factors: [ContributoryFactor]
    /// Optional only for a review on the older preventability scale.
    var outcome: ModifiableFactorsOutcome?
    var legacyPreventability: LegacyPreventability?
    var learningPoints: [LearningPoint]
    var causeOfDeath: String?
    var reviewedOn: CalendarDate

    private enum CodingKeys: String, CodingKey {
        case categories, factors, outcome, legacyPreventability, learningPoints, causeOfDeath, reviewedOn
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        categories = try c.decode([Int].self, forKey: .categories)
        factors = try c.decodeIfPresent([ContributoryFactor].self, forKey: .factors) ?? []
        outcome = try c.decodeIfPresent(ModifiableFactorsOutcome.self, forKey: .outcome)
        legacyPreventability = try c.decodeIfPresent(LegacyPreventability.self, forKey: .legacyPreventability)
        learningPoints = try c.decodeIfPresent([LearningPoint].self, forKey: .learningPoints) ?? []
        causeOfDeath = try c.decodeIfPresent(String.self, forKey: .causeOfDeath)
        reviewedOn = try c.decode(CalendarDate.self, forKey: .reviewedOn)
    }

    var input: PanelOutcomeInput {
        PanelOutcomeInput(
            categories: categories, factors: factors, outcome: outcome, legacyPreventability: legacyPreventability,
            learningPoints: learningPoints, causeOfDeath: causeOfDeath, reviewedOn: reviewedOn)
    }
}

/// `cdop outcome record`.
struct OutcomeGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Record the panel's review of a case.",
        subcommands: [OutcomeRecordCommand.self])
}

struct OutcomeRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record the panel's outcome from a JSON file (- for standard input).",
        discussion: """
            The file holds: categories (numbers 1-10; the lowest is the primary category), outcome \
            (\(ModifiableFactorsOutcome.valueList)), reviewedOn (YYYY-MM-DD), and optionally \
            factors (each {domain: \(FactorDomain.valueList), description, level: 0|1|2, \
            modifiable: true|false}), learningPoints (each {theme, text}), causeOfDeath, and legacyPreventability \
            (deaths before 1 April 2010 only). Tests/cdopTests/Fixtures/outcome.example.json is a valid example.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Argument(help: "The outcome as JSON, or - to read standard input.")
    var file: String

    func run() throws {
        let outcome = try InputFile.decode(PanelOutcomeFile.self, from: file, what: "panel outcome")
        let target = try CaseTarget(options, case: caseReference)
        try target.execute(.recordPanelOutcome(outcome.input))
        guard let recorded = try target.state().panelOutcome else { return }
        try target.report(
            "Panel outcome recorded for \(target.reference): category \(recorded.primaryCategory.rawValue) "
                + "(\(recorded.primaryCategory.label)), \(recorded.judgementLabel).")
    }
}

/// `cdop action ...`: the panel's recommendations and actions on a case.
struct ActionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Record and complete the panel's recommendations and actions on a case.",
        subcommands: [ActionAddCommand.self, ActionCompleteCommand.self])
}

struct ActionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a recommendation or action with its owner and due date; prints its id.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "What is to be done.", transform: Parse.nonEmpty)
    var text: String

    @Option(help: "Who owns it.", transform: Parse.nonEmpty)
    var owner: String

    @Option(help: "When it is due (YYYY-MM-DD).", transform: Parse.day)
    var due: CalendarDate

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let actionID = ActionID(UUID())
        try target.execute(.recordRecommendation(actionID: actionID, text: text, owner: owner, dueDate: due))
        try target.report(
            "Action for \(owner) on \(target.reference), due \(DayFormatter.short(due)) (action \(actionID.description.prefix(8)))."
        ) { $0.actionId = actionID.description }
    }
}

struct ActionCompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Mark a recommendation or action completed (also after closure).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Argument(help: "The action: its id or an unambiguous prefix within the case.")
    var action: String

    @OptionGroup var completion: CompletionOptions

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let action = try target.state().resolveAction(action)
        try target.execute(
            .completeRecommendation(actionID: action.id, completedOn: completion.on, note: completion.note))
        try target.report(
            "Action \"\(action.text)\" on \(target.reference) completed on \(DayFormatter.long(completion.on))."
        ) {
            $0.actionId = action.id.description
        }
    }
}

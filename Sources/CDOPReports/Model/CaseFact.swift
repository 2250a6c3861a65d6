import CDOPDomain

/// What the annual report knows of one case: a row of the `report_facts` read model, with no identities.
package struct CaseFact: Hashable, Sendable {
    package var caseID: String
    /// False for deaths out of scope, transferred or duplicates: they are not the panel's to count.
    package var countsForPanel: Bool
    package var stage: String
    package var notifiedOn: CalendarDate
    package var diedOn: CalendarDate
    package var sex: Sex
    package var ageBand: AgeBand
    package var ethnicity: Ethnicity
    /// The panel area the child lived in; nil when outside the panel's areas.
    package var areaCode: String?
    package var expectation: Expectation?
    package var rapidResponse: Bool
    /// Days from the death to the first rapid-response meeting held; nil when none was recorded.
    package var rapidResponseDays: Int?
    package var reviewedOn: CalendarDate?
    /// Days from death to review, not counting paused days.
    package var reviewDays: Int?
    package var category: DeathCategory?
    package var outcome: ModifiableFactorsOutcome?
    package var legacyPreventability: LegacyPreventability?
    package var learningThemes: [String]
    package var actionsOpen: Int
    package var actionsClosed: Int

    package init(
        caseID: String, countsForPanel: Bool = true, stage: String, notifiedOn: CalendarDate, diedOn: CalendarDate,
        sex: Sex, ageBand: AgeBand, ethnicity: Ethnicity, areaCode: String?, expectation: Expectation?,
        rapidResponse: Bool = false, rapidResponseDays: Int? = nil, reviewedOn: CalendarDate? = nil,
        reviewDays: Int? = nil, category: DeathCategory? = nil, outcome: ModifiableFactorsOutcome? = nil,
        legacyPreventability: LegacyPreventability? = nil, learningThemes: [String] = [], actionsOpen: Int = 0,
        actionsClosed: Int = 0
    ) {
        self.caseID = caseID
        self.countsForPanel = countsForPanel
        self.stage = stage
        self.notifiedOn = notifiedOn
        self.diedOn = diedOn
        self.sex = sex
        self.ageBand = ageBand
        self.ethnicity = ethnicity
        self.areaCode = areaCode
        self.expectation = expectation
        self.rapidResponse = rapidResponse
        self.rapidResponseDays = rapidResponseDays
        self.reviewedOn = reviewedOn
        self.reviewDays = reviewDays
        self.category = category
        self.outcome = outcome
        self.legacyPreventability = legacyPreventability
        self.learningThemes = learningThemes
        self.actionsOpen = actionsOpen
        self.actionsClosed = actionsClosed
    }

    /// Where an unreviewed case waits: the three stages the report counts outstanding cases by.
    package var outstandingStage: OutstandingStage {
        switch stage {
        case "awaitingExternal": .awaitingExternalProcesses
        case "readyForPanel", "panelScheduled": .readyForPanel
        default: .awaitingForms
        }
    }
}

/// The stages an outstanding case is counted under.
package enum OutstandingStage: String, CaseIterable, Sendable {
    case awaitingForms
    case awaitingExternalProcesses
    case readyForPanel

    package var label: String {
        switch self {
        case .awaitingForms: "Gathering information (awaiting forms)"
        case .awaitingExternalProcesses: "Awaiting external processes (post-mortem, inquest, criminal proceedings)"
        case .readyForPanel: "Ready for panel"
        }
    }
}

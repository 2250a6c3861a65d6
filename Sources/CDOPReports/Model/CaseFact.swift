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
    /// When the review moved on: what stood where at the end of a past period.
    package var timeline: ReviewTimeline

    package init(
        caseID: String, countsForPanel: Bool = true, stage: String, notifiedOn: CalendarDate, diedOn: CalendarDate,
        sex: Sex, ageBand: AgeBand, ethnicity: Ethnicity, areaCode: String?, expectation: Expectation?,
        rapidResponse: Bool = false, rapidResponseDays: Int? = nil, reviewedOn: CalendarDate? = nil,
        reviewDays: Int? = nil, category: DeathCategory? = nil, outcome: ModifiableFactorsOutcome? = nil,
        legacyPreventability: LegacyPreventability? = nil, learningThemes: [String] = [], actionsOpen: Int = 0,
        actionsClosed: Int = 0, timeline: ReviewTimeline? = nil
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
        self.timeline =
            timeline
            ?? {
                var made = ReviewTimeline()
                made.reviews = reviewedOn.map { [$0] } ?? []
                return made
            }()
    }

    /// Whether the case was notified and not yet reviewed at the end of `day`.
    package func isOutstanding(asAt day: CalendarDate) -> Bool {
        notifiedOn <= day && !timeline.isReviewed(asAt: day)
    }

    /// Where an unreviewed case stood at the end of `day`: the three stages the report counts outstanding
    /// cases by.
    package func outstandingStage(asAt day: CalendarDate) -> OutstandingStage {
        if timeline.isPaused(asAt: day) { return .awaitingExternalProcesses }
        if timeline.isReady(asAt: day) { return .readyForPanel }
        return .awaitingForms
    }

    /// The actions agreed at this case's review still open at the end of `day`.
    package func actionsOpen(asAt day: CalendarDate) -> Int {
        timeline.actionsOpen(of: actionsOpen + actionsClosed, asAt: day)
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

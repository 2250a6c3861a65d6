import CDOPDomain

/// The report's tables, each with the number of cases its total must equal, counted separately.
extension AnnualReportBuilder {
    typealias Checked = (table: ReportTable, expected: Int, base: String)

    func tableSet(_ cohorts: Cohorts) -> [Checked] {
        let notified = cohorts.notified
        let reviewed = cohorts.reviewed
        let deaths = "deaths notified (\(notified.count))"
        let reviews = "reviews completed (\(reviewed.count))"
        let legacy = reviewed.filter { $0.legacyPreventability != nil }
        let judged = reviewed.filter { $0.outcome != nil }
        let outcomes = ModifiableFactorsOutcome.allCases.map { ($0.label.capitalisedFirst, Optional($0)) }
        let sexes = Sex.allCases.map { ($0.label.capitalisedFirst, $0) }
        let scale = LegacyPreventability.allCases.map { ($0.label.capitalisedFirst, Optional($0)) }
        let onOutcome = "reviews recorded with the modifiable-factors outcome (\(judged.count))"
        let onScale = "reviews judged on the preventability scale (\(legacy.count))"
        let rapid = notified.filter(\.rapidResponse)
        let timed = reviewed.filter { $0.reviewDays != nil }
        return [
            (
                count(
                    "outstanding-by-stage", "Cases outstanding by stage",
                    "Cases notified by the end of the period and not reviewed by then, by where they stood at the end of the period.",
                    "Stage", cohorts.outstanding, OutstandingStage.allCases.map { ($0.label, $0) },
                    { $0.outstandingStage(asAt: cohorts.end) }),
                cohorts.outstanding.count, "cases outstanding"
            ),
            (
                crossTab(
                    "category-by-outcome", "Category of death by outcome",
                    "Reviews completed in the period and recorded with the modifiable-factors outcome, by the primary category of death and the outcome.",
                    judged, outcomes, \.outcome),
                judged.count, onOutcome
            ),
            (
                threeWay(
                    "category-by-outcome-by-sex", "Category of death by outcome and sex",
                    "Reviews completed in the period and recorded with the modifiable-factors outcome, by the primary category of death, the outcome and the child's sex.",
                    judged, outcomes, \.outcome, sexes, \.sex),
                judged.count, onOutcome
            ),
            (
                crossTab(
                    "category-by-sex", "Category of death by sex",
                    "Reviews completed in the period, by the primary category of death and the child's sex.",
                    reviewed, Sex.allCases.map { ($0.label.capitalisedFirst, $0) }, \.sex),
                reviewed.count, reviews
            ),
            (
                count(
                    "legacy-preventability", "Preventability (older scale)",
                    "Reviews completed in the period that were judged on the older preventability scale (Working Together 2010), before the panel's cut-over to the modifiable-factors outcome; never converted.",
                    "Preventability", legacy, scale, \.legacyPreventability),
                legacy.count, onScale
            ),
            (
                threeWay(
                    "category-by-preventability-by-sex", "Category of death by preventability and sex (older scale)",
                    "Reviews completed in the period and judged on the older preventability scale, by the primary category of death, the preventability and the child's sex.",
                    legacy, scale, \.legacyPreventability, sexes, \.sex),
                legacy.count, onScale
            ),
            (
                count(
                    "age-band", "Deaths by age", "Deaths notified in the period, by the child's age at death.",
                    "Age at death", notified, AgeBand.allCases.map { ($0.label, $0) }, \.ageBand),
                notified.count, deaths
            ),
            (
                count(
                    "sex", "Deaths by sex", "Deaths notified in the period, by the child's sex.",
                    "Sex", notified, Sex.allCases.map { ($0.label.capitalisedFirst, $0) }, \.sex),
                notified.count, deaths
            ),
            (
                count(
                    "ethnicity", "Deaths by ethnic group",
                    "Deaths notified in the period, by the child's ethnic group (census broad groups); not stated and not known are counted.",
                    "Ethnic group", notified, Self.ethnicGroups, \.ethnicGroup),
                notified.count, deaths
            ),
            (
                count(
                    "area", "Deaths by area of residence",
                    "Deaths notified in the period, by where the child normally lived.",
                    "Area of residence", notified,
                    areas.map { ($0.name, Optional($0.code)) } + [("Outside the panel's areas", nil)], \.areaCode),
                notified.count, deaths
            ),
            (
                count(
                    "expectation", "Expected and unexpected deaths",
                    "Deaths notified in the period, as the designated doctor confirmed them (else as notified).",
                    "Death", notified,
                    [("Expected", Expectation.expected), ("Unexpected", .unexpected), ("Not known", .notKnown)],
                    { $0.expectation ?? .notKnown }),
                notified.count, deaths
            ),
            (
                count(
                    "rapid-response", "Rapid responses by days from death to the first meeting",
                    "Deaths notified in the period that had a Joint Agency Response, by how soon its first meeting was held.",
                    "First meeting", rapid, Self.rapidResponseBands, { Self.rapidResponseBand($0.rapidResponseDays) }),
                rapid.count, "rapid responses (\(rapid.count))"
            ),
            (
                count(
                    "review-duration", "Time from death to review",
                    "Reviews completed in the period, by days from death to the panel's review, not counting days paused for external processes.",
                    "Time to review", timed, Self.durationBands, { Self.durationBand($0.reviewDays ?? 0) }),
                timed.count, reviews
            ),
            (learningThemes(reviewed), 0, ""),
            (
                ReportTable(
                    id: "actions", title: "Actions agreed",
                    note:
                        "Actions agreed at the reviews completed in the period, open or completed at the end of the period.",
                    rowHeading: "Action", rows: ["Open", "Completed"], columns: ["Actions"],
                    cells: [
                        [reviewed.reduce(0) { $0 + $1.actionsOpen(asAt: cohorts.end) }],
                        [
                            reviewed.reduce(0) {
                                $0 + $1.actionsOpen + $1.actionsClosed - $1.actionsOpen(asAt: cohorts.end)
                            }
                        ],
                    ]),
                reviewed.map { $0.actionsOpen + $0.actionsClosed }.reduce(0, +), "actions agreed"
            ),
        ]
    }

    /// A one-column table counting `facts` by `key` into `rows` (label, key value).
    func count<Key: Equatable>(
        _ id: String, _ title: String, _ note: String, _ heading: String, _ facts: [CaseFact],
        _ rows: [(String, Key)], _ key: (CaseFact) -> Key
    ) -> ReportTable {
        let keys = facts.map(key)
        return ReportTable(
            id: id, title: title, note: note, rowHeading: heading, rows: rows.map(\.0), columns: ["Cases"],
            cells: rows.map { row in [keys.filter { $0 == row.1 }.count] })
    }

    /// Category of death by `columns`, for reviewed cases.
    func crossTab<Key: Equatable>(
        _ id: String, _ title: String, _ note: String, _ facts: [CaseFact], _ columns: [(String, Key)],
        _ key: (CaseFact) -> Key
    ) -> ReportTable {
        let categories = DeathCategory.allCases
        return ReportTable(
            id: id, title: title, note: note, rowHeading: "Category of death",
            rows: categories.map { "\($0.rawValue). \($0.label.capitalisedFirst)" }, columns: columns.map(\.0),
            cells: categories.map { category in
                let inCategory = facts.filter { $0.category == category }
                return columns.map { column in inCategory.filter { key($0) == column.1 }.count }
            })
    }

    /// Category of death by two variables at once (an outcome and the child's sex): one column for each pair,
    /// grouped by the first, for reviewed cases.
    func threeWay<Group: Equatable, Key: Equatable>(
        _ id: String, _ title: String, _ note: String, _ facts: [CaseFact], _ groups: [(String, Group)],
        _ group: (CaseFact) -> Group, _ columns: [(String, Key)], _ key: (CaseFact) -> Key
    ) -> ReportTable {
        let pairs = groups.flatMap { g in columns.map { c in (g, c) } }
        var table = crossTab(id, title, note, facts, pairs.map { ($0.1.0, KeyPair(first: $0.0.1, second: $0.1.1)) }) {
            fact in
            KeyPair(first: group(fact), second: key(fact))
        }
        table.columnGroups = pairs.map(\.0.0)
        return table
    }

    /// Learning themes of the reviews: a review counts once under each theme it raised; spellings that differ
    /// only in capitals or spaces are one theme, named as the panel's list names it.
    func learningThemes(_ reviewed: [CaseFact]) -> ReportTable {
        let themes = self.themes.counted(reviewed.map(\.learningThemes))
        return ReportTable(
            id: "learning-themes", title: "Learning themes",
            note:
                "Reviews completed in the period that raised each theme; a review may raise several, so there is no total. "
                + "Themes that differ only in capitals or spaces are counted as one.",
            rowHeading: "Theme", rows: themes.map(\.name), columns: ["Reviews"], cells: themes.map { [$0.reviews] },
            additive: false)
    }

    static let ethnicGroups: [(String, String)] = [
        "Asian", "Black", "Mixed", "White", "Other", "Not stated", "Not known",
    ]
    .map { ($0, $0) }

    static let rapidResponseBands: [(String, String)] = [
        "Same or next day", "2 to 3 days", "4 to 5 days", "6 days or more", "No meeting recorded",
    ].map { ($0, $0) }

    static func rapidResponseBand(_ days: Int?) -> String {
        switch days {
        case nil: "No meeting recorded"
        case .some(...1): "Same or next day"
        case .some(2...3): "2 to 3 days"
        case .some(4...5): "4 to 5 days"
        default: "6 days or more"
        }
    }

    static let durationBands: [(String, String)] = [
        "Within 6 months (182 days)", "6 to 12 months", "More than 12 months",
    ].map { ($0, $0) }

    static func durationBand(_ days: Int) -> String {
        days <= ReviewDuration.sixMonths
            ? "Within 6 months (182 days)"
            : days <= ReviewDuration.twelveMonths ? "6 to 12 months" : "More than 12 months"
    }
}

/// Two keys a fact is counted by at once (a three-way table's column).
struct KeyPair<First: Equatable, Second: Equatable>: Equatable {
    var first: First
    var second: Second
}

/// "Malignancy" from "malignancy".

extension CaseFact {
    /// The census broad group, with "not stated" apart from "not known".
    var ethnicGroup: String {
        switch ethnicity {
        case .notStated: "Not stated"
        case .notKnown: "Not known"
        default: ethnicity.broadGroup
        }
    }
}

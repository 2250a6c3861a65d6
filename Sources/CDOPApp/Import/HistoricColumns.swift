/// The columns of a historic import file. The heading line names them (in any order, any case); the help
/// text of `cdop import` and the README list them from here.
package enum HistoricColumns {
    package struct Column: Sendable {
        package var name: String
        package var required: Bool
        package var meaning: String
    }

    package static let all: [Column] = [
        Column(
            name: "reference", required: true,
            meaning:
                "the case's reference in the old records, one per row: kept on the case, and a CASE argument accepts it (cdop case show B11-001)"
        ),
        Column(name: "surname", required: true, meaning: "the child's surname"),
        Column(name: "forenames", required: false, meaning: "the child's forenames"),
        Column(name: "nhs_number", required: false, meaning: "10 digits; blank when not known"),
        Column(name: "date_of_birth", required: true, meaning: "YYYY-MM-DD"),
        Column(name: "sex", required: true, meaning: "male, female, indeterminate or not known"),
        Column(
            name: "ethnicity", required: false,
            meaning: "a 2021 census group, e.g. White British, Asian Pakistani, Not stated; blank is not known"),
        Column(name: "area_code", required: true, meaning: "the code of the panel area the child lived in"),
        Column(name: "date_of_death", required: true, meaning: "YYYY-MM-DD"),
        Column(name: "date_notified", required: true, meaning: "YYYY-MM-DD, the day the panel was told"),
        Column(name: "expected", required: true, meaning: "expected or unexpected"),
        Column(
            name: "reviewed_on", required: false, meaning: "YYYY-MM-DD, the panel's review; blank when not yet reviewed"
        ),
        Column(name: "category", required: false, meaning: "category of death, 1 to 10 (required when reviewed)"),
        Column(
            name: "outcome", required: false,
            meaning:
                "modifiable, not modifiable or insufficient information (required when reviewed, unless the review is on the preventability scale)"
        ),
        Column(
            name: "modifiable_factors", required: false,
            meaning:
                "required when the outcome is modifiable: \"domain: description\" separated by ; (domain: child, social, physical or service)"
        ),
        Column(
            name: "preventability", required: false,
            meaning:
                "the older scale, for reviews completed before the panel's cut-over (CDOP_LEGACY_SCALE_UNTIL, default 1 April 2013) only: preventable, potentially preventable, not preventable or insufficient information"
        ),
        Column(name: "learning_themes", required: false, meaning: "themes of the panel's learning, separated by ;"),
    ]

    /// The columns as help text, one per line.
    package static var help: String {
        all.map { "  \($0.name)\($0.required ? " (required)" : ""): \($0.meaning)" }.joined(separator: "\n")
    }
}

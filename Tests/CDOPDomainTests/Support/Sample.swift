import Foundation

@testable import CDOPDomain

/// Synthetic values shared by the tests: a regional panel, a fixed clock, and a notification of
/// "Alex Testchild".
enum Sample {
    static let panel = PanelConfiguration(
        name: "Northshire and Riverside CDOP",
        areas: [
            LocalAuthorityArea(code: "E06000901", name: "Northshire"),
            LocalAuthorityArea(code: "E06000902", name: "Riverside"),
            LocalAuthorityArea(code: "E06000903", name: "Eastmoor"),
            LocalAuthorityArea(code: "E06000904", name: "Westvale"),
            LocalAuthorityArea(code: "E06000905", name: "Southport Bay"),
        ])

    /// 1 June 2026, 10:00 in England.
    static let now = Timestamp.parse("2026-06-01T09:00:00Z")!
    static let context = DecisionContext(now: now, configuration: panel)

    /// The context `days` after `now` (negative: before).
    static func context(plusDays days: Int, hours: Int = 0) -> DecisionContext {
        DecisionContext(now: now.addingTimeInterval(Double(days * 86_400 + hours * 3600)), configuration: panel)
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    static func id<Kind>(_ n: Int) -> Identifier<Kind> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))!)
    }

    static let caseID: CaseID = id(1)
    static let otherCaseID: CaseID = id(2)
    static let gp: AgencyID = id(101)
    static let police: AgencyID = id(102)
    static let healthVisiting: AgencyID = id(103)
    static let request1: FormRequestID = id(201)
    static let request2: FormRequestID = id(202)
    static let jarMeeting: MeetingID = id(301)
    static let panelMeeting: MeetingID = id(302)
    static let action1: ActionID = id(401)

    static let dateOfDeath = day(2026, 5, 3)

    static func notification(
        forenames: String = "Alex", surname: String = "Testchild", born: CalendarDate = day(2025, 12, 20),
        died: CalendarDate = dateOfDeath, notified: CalendarDate = day(2026, 5, 3),
        nhs: NHSNumberStatus = .known(NHSNumber("943 476 5919")), residence: String? = "E06000901",
        areaOfDeath: String? = "E06000901", birthStatus: BirthStatus = .liveBorn, expectation: Expectation = .unexpected
    ) -> DeathNotification {
        DeathNotification(
            notifier: Notifier(
                name: "Sam Notifier", role: "Paramedic", organisation: "Northshire Ambulance Service",
                phone: "01632 960001", email: "sam.notifier@ambulance.example.nhs.uk", dateNotified: notified),
            child: ChildDetails(
                name: PersonName(forenames: forenames, surname: surname), dateOfBirth: born, sex: .male, nhsNumber: nhs,
                ethnicity: .whiteBritish,
                address: Address(lines: ["1 Example Row", "Northtown"], postcode: "zz99 1aa"),
                gpPractice: "Northgate Surgery"),
            death: DeathDetails(
                date: died, time: TimeOfDay(hour: 2, minute: 10), place: PlaceOfDeath(kind: .home),
                birthStatus: birthStatus, reportedExpectation: expectation, postMortem: .yes, coronerInformed: .yes),
            residenceAreaCode: residence, areaOfDeathCode: areaOfDeath,
            circumstances: "Found unresponsive in the morning.",
            professionalsInvolved: [
                ProfessionalInvolved(name: "Dr Jo Example", role: "GP", organisation: "Northgate Surgery")
            ],
            parentsAndCarers: [ParentOrCarer(name: "Val Testchild", relationship: "mother", contact: "07700 900123")])
    }

    static func involvement(_ id: AgencyID, _ name: String, _ kind: AgencyKind) -> AgencyInvolvement {
        AgencyInvolvement(
            agencyID: id, agencyName: name, kind: kind, contactName: "Lead Contact",
            contactEmail: "lead@\(kind.rawValue).example.org")
    }

    static let gpInvolvement = involvement(gp, "Northgate Surgery", .gp)
    static let policeInvolvement = involvement(police, "Northshire Police", .police)

    static let notify = CaseCommand.notify(caseID: caseID, notification: notification(), possibleDuplicateOf: nil)
    static let triageUnexpected = CaseCommand.triage(
        expectation: .unexpected, confirmedBy: "Dr Pat Designate", triggers: [.suddenNoApparentCause])
    static let triageExpected = CaseCommand.triage(
        expectation: .expected, confirmedBy: "Dr Pat Designate", triggers: [])

    static func requestForm(_ id: FormRequestID = request1, from agency: AgencyID = gp, type: FormType = .reporting)
        -> CaseCommand
    {
        .requestForm(
            requestID: id, agencyID: agency, formType: type, contactEmail: "lead@gp.example.org",
            dueDate: day(2026, 6, 15), schedule: ScheduleReference(id: "form-b-chasing", version: 1))
    }

    static func outcome(categories: [Int] = [10], outcome: ModifiableFactorsOutcome = .modifiableFactorsIdentified)
        -> PanelOutcomeInput
    {
        PanelOutcomeInput(
            categories: categories,
            factors: [
                ContributoryFactor(
                    domain: .physicalEnvironment, description: "Unsafe sleep arrangement", level: .mayHaveContributed,
                    modifiable: true),
                ContributoryFactor(
                    domain: .socialEnvironment, description: "Smoking in the household", level: .mayHaveContributed,
                    modifiable: true),
            ],
            outcome: outcome,
            learningPoints: [LearningPoint(theme: "safe sleep", text: "Reinforce safe sleep advice at every contact.")],
            causeOfDeath: "Unascertained", reviewedOn: day(2026, 6, 1))
    }

    static let returnedAnswers: FormAnswers = [
        "seenInLast12Months": .yesNo(.yes),
        "lastContact": .date(day(2026, 4, 20)),
        "concerns": .text("None recorded."),
        "immunisations": .multiple(["8 weeks", "12 weeks"]),
        "contacts": .groups([["date": .date(day(2026, 2, 1)), "reason": .choice("routine review")]]),
        "weightKg": .number(6.5),
    ]

    /// The GP returning request 1's Form B with `returnedAnswers`.
    static let returnForm = CaseCommand.recordFormReturned(
        requestID: request1, definition: FormDefinitionReference(id: "reporting", version: 1),
        answers: returnedAnswers, submittedBy: "Dr Jo Example")
}

import CDOPApp
import CDOPDomain
import Foundation

/// Invented people, agencies and deaths for tests and the demo. Every name here is synthetic.
package enum SyntheticPanel {
    package static let forenames = [
        "Alex", "Sam", "Jordan", "Riley", "Morgan", "Casey", "Jamie", "Taylor", "Robin", "Ellis", "Zoë", "Łukasz",
        "Siobhán", "Noor", "Kofi", "Priya", "Mateo", "Aoife", "Yusuf", "Ines",
    ]
    package static let surnames = [
        "Testchild", "Example", "Sample", "Fictive", "Madeup", "Notreal", "O'Synthe", "Placeholder", "Dummyson",
        "Imaginary", "Invento", "Pretendo", "Fabrico", "Mock-Smith", "Stand-In",
    ]

    /// The configuration of the synthetic five-area panel.
    package static var configuration: AppConfiguration { AppConfiguration() }

    /// A valid NHS number (modulus 11) made from nine random digits.
    package static func nhsNumber(using random: inout SeededRandom) -> String {
        while true {
            let digits = (0..<9).map { _ in Int.random(in: 0...9, using: &random) }
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
            let check = 11 - sum % 11
            if check == 10 { continue }
            return digits.map(String.init).joined() + String(check == 11 ? 0 : check)
        }
    }

    /// A notification of a death on `died`, notified on `notified`, of a child of `ageDays` days.
    package static func notification(
        using random: inout SeededRandom, died: CalendarDate, notified: CalendarDate, ageDays: Int,
        area: String?, areaOfDeath: String? = nil, expectation: Expectation, forenames: String? = nil,
        surname: String? = nil, nhs: String? = nil
    ) -> DeathNotification {
        let born = CalendarDate(daysSinceEpoch: died.daysSinceEpoch - ageDays)
        let withNHS = nhs ?? nhsNumber(using: &random)
        return DeathNotification(
            notifier: Notifier(
                name: "Sam Notifier",
                role: random.pick(["Paramedic", "Consultant paediatrician", "Ward sister", "GP"]),
                organisation: "Synthetic Health Trust", phone: "01632 960001", email: "notifier@trust.example.nhs.uk",
                dateNotified: notified),
            child: ChildDetails(
                name: PersonName(
                    forenames: forenames ?? random.pick(Self.forenames), surname: surname ?? random.pick(Self.surnames)),
                dateOfBirth: born, sex: random.pick([.male, .female, .male, .female, .notKnown]),
                nhsNumber: .known(NHSNumber(withNHS)), ethnicity: random.pick(Ethnicity.allCases),
                address: Address(
                    lines: ["\(Int.random(in: 1...200, using: &random)) Example Road"], postcode: "ZZ99 1AA"),
                gpPractice: "Example Surgery"),
            death: DeathDetails(
                date: died, time: TimeOfDay(hour: Int.random(in: 0...23, using: &random), minute: 0),
                place: PlaceOfDeath(kind: random.pick([.home, .hospitalWard, .neonatalUnit, .hospice, .publicPlace])),
                birthStatus: .liveBorn, reportedExpectation: expectation, postMortem: .notKnown, coronerInformed: .yes),
            residenceAreaCode: area, areaOfDeathCode: areaOfDeath ?? area,
            circumstances: "Synthetic circumstances for testing.",
            professionalsInvolved: [
                ProfessionalInvolved(name: "Dr Jo Example", role: "GP", organisation: "Example Surgery")
            ],
            parentsAndCarers: [ParentOrCarer(name: "Val Example", relationship: "mother", contact: "07700 900123")])
    }

    /// The agencies of the synthetic directory: name and kind.
    package static let agencies: [(name: String, kind: AgencyKind)] = [
        ("Northgate Surgery", .gp), ("Northam Health Visiting Service", .healthVisiting),
        ("Northam Police", .police), ("Northam Children's Social Care", .childrensSocialCare),
        ("Central Vale Hospital", .hospital), ("Riverside Hospice", .hospice), ("Eastbury Academy", .school),
        ("Regional Ambulance Service", .ambulance),
    ]

    /// The contact email of a synthetic agency.
    package static func email(of agencyName: String) -> String {
        "lead@" + agencyName.lowercased().filter { $0.isLetter } + ".example.org"
    }
}

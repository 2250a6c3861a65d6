import CDOPApp
import CDOPDomain

/// Invented children and their notifications, obviously fake: surnames such as "Testchild" and "Example",
/// postcodes in the ZZ99 range (never a real place), NHS numbers from the 999 test range with valid check digits.
package struct DemoChildren {
    private var random: SeededRandom

    package init(random: SeededRandom) {
        self.random = random
    }

    static let forenames = [
        "Alex", "Sam", "Jordan", "Riley", "Morgan", "Casey", "Jamie", "Taylor", "Robin", "Ellis", "Zoë", "Noor",
        "Kofi", "Priya", "Mateo", "Aoife", "Yusuf", "Ines", "Łukasz", "Siobhán",
    ]
    static let surnames = [
        "Testchild", "Example", "Sample", "Fictive", "Madeup", "Notreal", "Placeholder", "Dummyson", "Imaginary",
        "Pretendo", "Fabrico", "Mock-Smith", "Stand-In", "Invento",
    ]

    /// What a demo notification says, beyond the dates.
    package struct Death {
        var died: CalendarDate
        var ageDays: Int
        var sex: Sex
        var area: String?
        var areaOfDeath: String?
        var expectation: Expectation
        var place: PlaceOfDeathKind
        var placeDescription: String?
        var birthStatus: BirthStatus = .liveBorn
        var circumstances: String
        var cause: String?
        var name: PersonName?
    }

    /// A valid NHS number from the 999 test range: "999" and six random digits, then the check digit.
    package mutating func nhsNumber() -> NHSNumber {
        while true {
            let nine = [9, 9, 9] + (0..<6).map { _ in Int.random(in: 0...9, using: &random) }
            if let check = NHSNumber.checkDigit(nine) { return NHSNumber((nine + [check]).map(String.init).joined()) }
        }
    }

    /// A name nobody has: a listed forename and a listed surname.
    package mutating func name() -> PersonName {
        PersonName(forenames: random.pick(Self.forenames), surname: random.pick(Self.surnames))
    }

    /// The notification of `death`, made on `notified` by `notifier`.
    package mutating func notification(
        _ death: Death, notified: CalendarDate, by notifier: (role: String, organisation: String), nhs: NHSNumber? = nil
    ) -> DeathNotification {
        let street = random.pick(["Example Road", "Sample Street", "Test Lane", "Placeholder Close", "Fictional Way"])
        // In the order the generator was always drawn from, so the rest of the demo is as before.
        let childName = death.name ?? name()
        let number = nhs ?? nhsNumber()
        return DeathNotification(
            notifier: Notifier(
                name: "Sam Notifier", role: notifier.role, organisation: notifier.organisation, phone: "01632 960001",
                email: "notifications@" + notifier.organisation.lowercased().filter(\.isLetter) + ".example.nhs.uk",
                dateNotified: notified),
            child: ChildDetails(
                name: childName, dateOfBirth: death.died.adding(days: -death.ageDays), sex: death.sex,
                nhsNumber: .known(number), ethnicity: random.pick(Ethnicity.allCases),
                address: Address(
                    lines: ["\(Int.random(in: 1...199, using: &random)) \(street)"],
                    postcode: "ZZ99 \(Int.random(in: 1...9, using: &random))\(random.pick(["AA", "AB", "BA", "ZZ"]))"),
                gpPractice: random.pick(["Northgate Surgery", "Eastbury Medical Centre"])),
            death: DeathDetails(
                date: death.died, time: TimeOfDay(hour: Int.random(in: 0...23, using: &random), minute: 0),
                place: PlaceOfDeath(kind: death.place, description: death.placeDescription),
                birthStatus: death.birthStatus, reportedExpectation: death.expectation,
                postMortem: death.expectation == .unexpected ? .yes : .no,
                coronerInformed: death.expectation == .unexpected ? .yes : .no, causeOfDeath: death.cause),
            residenceAreaCode: death.area, areaOfDeathCode: death.areaOfDeath ?? death.area,
            circumstances: death.circumstances,
            professionalsInvolved: [
                ProfessionalInvolved(name: "Dr Robin Practiceton", role: "GP", organisation: "Northgate Surgery")
            ],
            parentsAndCarers: [Self.mother(of: childName, number: number)])
    }

    static let parentForenames = ["Jo", "Lee", "Kim", "Val", "Ren", "Bo", "Ash", "Tay", "Mo", "Sky", "Rae"]

    /// The child's mother, drawn from the child's name and NHS number rather than the generator: a name nobody
    /// has and a phone number in Ofcom's range for drama (07700 900000 to 900999).
    static func mother(of child: PersonName, number: NHSNumber) -> ParentOrCarer {
        let digits = number.text.compactMap(\.wholeNumberValue)
        let forename = parentForenames[digits.reduce(0, +) % parentForenames.count]
        let line = digits.suffix(3).reduce(0) { $0 * 10 + $1 }
        return ParentOrCarer(
            name: "\(forename) \(child.surname)", relationship: "mother",
            contact: "07700 900" + String(String(line + 1000).suffix(3)))
    }

    /// An integer in `range` from the demo's generator.
    package mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    package mutating func pick<T>(_ values: [T]) -> T { random.pick(values) }
}

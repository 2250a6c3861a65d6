import Foundation
import Testing

@testable import CDOPDomain
@testable import CDOPJSON

/// The payloads read by hand (`TapeReadable`) must come out exactly as Codable reads them, and anything the
/// hand reading does not take must still be read, or refused, by Codable.
@Suite("Events read by hand: the same values and errors as Codable")
struct TapeReadableTests {
    /// The payload read by hand from `data`, or nil when the hand reading declines it.
    static func readByHand<T: TapeReadable>(_ type: T.Type, _ data: Data) throws -> T? {
        try data.withUnsafeBytes { raw in
            try JSONTape.withTape(scanning: raw.bindMemory(to: UInt8.self), instants: Timestamp.self) { tape in
                JSONObjectReader(tape, node: 0).flatMap(T.init(reading:))
            }
        }
    }

    /// The payload read through Codable alone, as before there was any hand reading.
    static func readThroughCodable<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        try data.withUnsafeBytes { raw in
            try JSONTape.withTape(scanning: raw.bindMemory(to: UInt8.self), instants: Timestamp.self) { tape in
                try JSONTapeDecoder(tape: tape, node: 0, parent: nil, key: nil).decodeSelf(as: T.self)
            }
        }
    }

    /// Decodes `json` with cdop's decoder (hand reading first) and with Foundation's, and checks they agree.
    static func agree<T: Decodable & Equatable>(_ type: T.Type, _ json: String) -> DecodeOutcome<T> {
        let data = Data(json.utf8)
        let ours = DecodeOutcome.of(T.self) { try CanonicalJSON.decode(T.self, from: data) }
        let foundation = DecodeOutcome.of(T.self) { try JSONDecoder.asStoredDataWasRead().decode(T.self, from: data) }
        #expect(ours == foundation, "\(json)")
        return ours
    }

    static let texts = [
        "Northgate Surgery", "", "O'Brien \"quoted\" \\ slash", "Zoë – ünïcödé 🌙", "tab\tnew\nline", "\u{1}",
    ]

    @Test("Random payloads, encoded canonically, are read by hand to the value Foundation's decoder reads")
    func handReadingAgreesWithFoundation() throws {
        var dice = Dice(state: 7)
        func next(_ bound: Int) -> Int { dice.next(bound) }
        func text() -> String { Self.texts[next(Self.texts.count)] }
        func at() -> Date { Date(timeIntervalSince1970: Double(1_400_000_000 + next(400_000_000))) }
        func day() -> CalendarDate { CalendarDate(year: 2014 + next(12), month: 1 + next(12), day: 1 + next(28))! }
        for _ in 0..<300 {
            let reminder = FormReminderIssued(
                requestID: FormRequestID(UUID()), agencyName: text(), step: next(5) - 1,
                kind: ReminderKind.allCases[next(ReminderKind.allCases.count)], at: at())
            let requested = FormRequested(
                requestID: FormRequestID(UUID()), agencyID: AgencyID(UUID()), agencyName: text(),
                formType: FormType.allCases[next(FormType.allCases.count)], contactEmail: text(), dueDate: day(),
                schedule: next(2) == 0 ? nil : ScheduleReference(id: text(), version: next(9)), at: at())
            let declined = FormDeclined(
                requestID: FormRequestID(UUID()), agencyName: text(), declaredBy: text(), at: at())
            let involved = AgencyRecordedInvolved(
                involvement: AgencyInvolvement(
                    agencyID: AgencyID(UUID()), agencyName: text(),
                    kind: AgencyKind.allCases[next(AgencyKind.allCases.count)],
                    contactName: next(2) == 0 ? nil : text(), contactEmail: next(2) == 0 ? nil : text()),
                at: at())
            try check(MarkedReadyForPanel(at: at()))
            try check(AssignedToPanelMeeting(meetingID: MeetingID(UUID()), meetingDate: day(), at: at()))
            try check(
                RecommendationRecorded(
                    actionID: ActionID(UUID()), text: text(), owner: text(), dueDate: day(), at: at()))
            try check(reminder)
            try check(requested)
            try check(declined)
            try check(involved)
        }
    }

    @Test(
        "Random notifications, triages, rapid responses and panel outcomes, nested to the last member, are read by hand as Foundation reads them"
    )
    func nestedPayloadsAgreeWithFoundation() throws {
        var random = Dice(state: 11)
        func pick<T>(_ values: [T]) -> T { values[random.next(values.count)] }
        func text() -> String { pick(Self.texts) }
        func maybe<T>(_ make: () -> T) -> T? { random.next(3) == 0 ? nil : make() }
        func texts() -> [String] { (0..<random.next(4)).map { _ in text() } }
        func at() -> Date { Date(timeIntervalSince1970: Double(1_400_000_000 + random.next(400_000_000))) }
        func day() -> CalendarDate {
            CalendarDate(year: 2014 + random.next(12), month: 1 + random.next(12), day: 1 + random.next(28))!
        }
        for _ in 0..<300 {
            let notification = DeathNotification(
                notifier: Notifier(
                    name: text(), role: text(), organisation: text(), phone: maybe(text), email: maybe(text),
                    dateNotified: day()),
                child: ChildDetails(
                    name: PersonName(forenames: text(), surname: text(), aliases: texts()), dateOfBirth: day(),
                    sex: pick(Sex.allCases),
                    nhsNumber: random.next(2) == 0
                        ? .known(NHSNumber(pick(["9434765919", "943 476 5919", text()])))
                        : .absent(pick(NHSNumberAbsence.allCases)),
                    ethnicity: pick(Ethnicity.allCases),
                    address: maybe { Address(lines: texts(), postcode: maybe(text)) },
                    gpPractice: maybe(text)),
                death: DeathDetails(
                    date: day(), time: maybe { TimeOfDay(hour: random.next(24), minute: random.next(60))! },
                    place: PlaceOfDeath(kind: pick(PlaceOfDeathKind.allCases), description: maybe(text)),
                    birthStatus: pick(BirthStatus.allCases), reportedExpectation: pick(Expectation.allCases),
                    postMortem: pick(YesNoNotKnown.allCases), coronerInformed: pick(YesNoNotKnown.allCases),
                    causeOfDeath: maybe(text)),
                residenceAreaCode: maybe(text), areaOfDeathCode: maybe(text), circumstances: text(),
                professionalsInvolved: (0..<random.next(4)).map { _ in
                    ProfessionalInvolved(name: text(), role: text(), organisation: text(), contact: maybe(text))
                })
            try check(
                NotificationReceived(
                    caseID: CaseID(UUID()), notification: notification, areaCode: maybe(text),
                    residentInPanelArea: random.next(2) == 0, possibleDuplicateOf: maybe { CaseID(UUID()) }, at: at()))
            try check(
                DeathTriaged(
                    expectation: pick(Expectation.allCases), confirmedBy: text(),
                    triggers: (0..<random.next(4)).map { _ in pick(JARTrigger.allCases) }, at: at()))
            try check(
                RapidResponseOpened(
                    unexpected: random.next(2) == 0,
                    triggers: (0..<random.next(4)).map { _ in pick(JARTrigger.allCases) },
                    at: at()))
            try check(RapidResponseCompleted(note: text(), at: at()))
            try check(ExternalReferenceRecorded(reference: text(), source: text(), at: at()))
            let outcome = PanelOutcome(
                meetingID: maybe { MeetingID(UUID()) }, primaryCategory: pick(DeathCategory.allCases),
                otherCategories: (0..<random.next(3)).map { _ in pick(DeathCategory.allCases) },
                factors: (0..<random.next(4)).map { _ in
                    ContributoryFactor(
                        domain: pick(FactorDomain.allCases), description: text(), level: pick(FactorLevel.allCases),
                        modifiable: random.next(2) == 0)
                },
                outcome: pick(ModifiableFactorsOutcome.allCases),
                legacyPreventability: maybe { pick(LegacyPreventability.allCases) },
                learningPoints: (0..<random.next(3)).map { _ in LearningPoint(theme: text(), text: text()) },
                causeOfDeath: maybe(text), reviewedOn: day())
            try check(PanelOutcomeRecorded(outcome: outcome, at: at()))
        }
    }

    @Test(
        "A nested member the hand reading cannot take sends the whole payload to Codable, which reads or refuses it as Foundation does"
    )
    func nestedDeclinesGoThroughCodable() throws {
        let triaged =
            #"{"at":"2025-06-01T09:00:00Z","confirmedBy":"Dr Pat Designate","expectation":"unexpected","triggers":"#
        // Read by hand when canonical; an unknown trigger, a trigger that is not a string, or triggers that are not
        // an array are declined, then refused by Codable with Foundation's error.
        #expect(
            try Self.readByHand(DeathTriaged.self, Data((triaged + #"["externalCauses"]}"#).utf8))?.triggers == [
                .externalCauses
            ])
        #expect(try Self.readByHand(DeathTriaged.self, Data((triaged + "[]}").utf8))?.triggers == [])
        for tail in [#"["externalCauses","shout"]}"#, "[1]}", #""externalCauses"}"#, "null}"] {
            #expect(try Self.readByHand(DeathTriaged.self, Data((triaged + tail).utf8)) == nil)
            guard case .failure = Self.agree(DeathTriaged.self, triaged + tail) else {
                Issue.record("\(tail) was read")
                continue
            }
        }
        // An escaped string in an array is read by hand, to the same text.
        let escaped = #"{"forenames":"Zo\u00eb","surname":"O'Brien","aliases":["Zo\u00eb \"Z\"","\ud83c\udf19"]}"#
        let byHand = try escaped.data(using: .utf8).flatMap { try Self.readByHand(PersonName.self, $0) }
        #expect(byHand?.aliases == ["Zoë \"Z\"", "🌙"])
        // An NHS number given as null counts as absent, as Codable's decodeIfPresent takes it; absent with no
        // reason is refused.
        let status = #"{"number":null,"absentBecause":"notCurrentlyAvailable"}"#
        #expect(try Self.readByHand(NHSNumberStatus.self, Data(status.utf8)) == .absent(.notCurrentlyAvailable))
        #expect(Self.agree(NHSNumberStatus.self, status) == .value(NHSNumberStatus.absent(.notCurrentlyAvailable)))
        #expect(try Self.readByHand(NHSNumberStatus.self, Data(#"{"number":null}"#.utf8)) == nil)
        guard case .failure = Self.agree(NHSNumberStatus.self, #"{"number":null}"#) else {
            Issue.record("an NHS status with neither a number nor a reason was read")
            return
        }
        // A time of day that is not HH:mm declines, then fails as Codable fails.
        let place = #""place":{"kind":"home"},"postMortem":"yes","reportedExpectation":"unexpected""#
        let death = #"{"birthStatus":"liveBorn","coronerInformed":"no","date":"2025-06-01",\#(place),"time":"25:00"}"#
        #expect(try Self.readByHand(DeathDetails.self, Data(death.utf8)) == nil)
        guard case .failure = Self.agree(DeathDetails.self, death) else {
            Issue.record("a time of 25:00 was read")
            return
        }
        let valid = death.replacingOccurrences(of: "25:00", with: "02:10")
        #expect(try Self.readByHand(DeathDetails.self, Data(valid.utf8))?.time == TimeOfDay(hour: 2, minute: 10))
        guard case .value(let details) = Self.agree(DeathDetails.self, valid) else {
            Issue.record("a time of 02:10 was not read")
            return
        }
        #expect(details.place == PlaceOfDeath(kind: .home) && details.causeOfDeath == nil)
    }

    /// `payload`, encoded canonically, is read by hand (not declined), to the payload itself and to what
    /// Foundation's decoder reads.
    func check<T: TapeReadable & EventPayload>(_ payload: T) throws {
        let data = try CanonicalJSON.encode(payload)
        #expect(data == (try CanonicalJSON.encoder().encode(payload)), "written as Foundation writes it")
        let byHand = try Self.readByHand(T.self, data)
        #expect(byHand == payload, "\(String(decoding: data, as: UTF8.self))")
        #expect(Self.agree(T.self, String(decoding: data, as: UTF8.self)) == .value(payload))
    }

    @Test("What the hand reading declines is read, or refused, by Codable as before")
    func declinedDocumentsGoThroughCodable() throws {
        let id = "73a1b9e6-4d51-4a15-a821-32861e7ae74f"
        let base =
            #""agencyName":"Northgate Surgery","at":"2025-06-01T09:00:00Z","kind":"reminder","requestID":"\#(id)""#
        // Canonical: read by hand.
        #expect(try Self.readByHand(FormReminderIssued.self, Data("{\(base),\"step\":1}".utf8)) != nil)
        // A key spelt with an escape, a whole number written as 1.0, an unknown member: the hand reading
        // declines the first two, and every one reads as Foundation reads it.
        #expect(try Self.readByHand(FormReminderIssued.self, Data("{\(base),\"st\\u0065p\":1}".utf8)) == nil)
        #expect(try Self.readByHand(FormReminderIssued.self, Data("{\(base),\"step\":1.0}".utf8)) == nil)
        for json in ["{\(base),\"st\\u0065p\":1}", "{\(base),\"step\":1.0}", "{\(base),\"step\":1,\"extra\":[]}"] {
            guard case .value(let value) = Self.agree(FormReminderIssued.self, json) else {
                Issue.record("\(json) was not read")
                continue
            }
            #expect(value.step == 1)
        }
        // A repeated key: the first one counts, by hand as through Codable.
        let repeated = Data("{\(base),\"step\":1,\"step\":2}".utf8)
        #expect(
            try Self.readByHand(FormReminderIssued.self, repeated)
                == Self.readThroughCodable(FormReminderIssued.self, repeated))
        #expect(try Self.readByHand(FormReminderIssued.self, repeated)?.step == 1)
        // Missing, null, or of the wrong kind: refused with Codable's error, the same as Foundation's.
        for json in [
            "{\(base)}", "{\(base),\"step\":null}", "{\(base),\"step\":\"1\"}",
            "{\(base.replacingOccurrences(of: "reminder", with: "shout")),\"step\":1}",
        ] {
            guard case .failure = Self.agree(FormReminderIssued.self, json) else {
                Issue.record("\(json) was read")
                continue
            }
        }
        // Optional members: missing and null are both nil.
        let involvement =
            #"{"at":"2025-06-01T09:00:00Z","involvement":{"agencyID":"\#(id)","agencyName":"GP","kind":"gp""#
        let missing = Self.agree(AgencyRecordedInvolved.self, involvement + "}}")
        let null = Self.agree(AgencyRecordedInvolved.self, involvement + #","contactEmail":null}}"#)
        #expect(missing == null)
        guard case .value(let read) = missing else {
            Issue.record("the involvement was not read")
            return
        }
        #expect(read.involvement.contactEmail == nil && read.involvement.contactName == nil)
    }
}

/// A small seeded generator (a linear congruential one), so a failure names the same payloads on every run.
struct Dice {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
}

import Foundation
import Testing

@testable import CDOPDomain

/// The payloads read by hand (`TapeReadable`) must come out exactly as Codable reads them, and anything the
/// hand reading does not take must still be read, or refused, by Codable.
@Suite("Events read by hand: the same values and errors as Codable")
struct TapeReadableTests {
    typealias Outcome = JSONTapeDecoderTests.Outcome

    /// The payload read by hand from `data`, or nil when the hand reading declines it.
    static func readByHand<T: TapeReadable>(_ type: T.Type, _ data: Data) throws -> T? {
        try data.withUnsafeBytes { raw in
            try JSONTape.withTape(scanning: raw.bindMemory(to: UInt8.self)) { tape in
                JSONObjectReader(tape, node: 0).flatMap(T.init(reading:))
            }
        }
    }

    /// The payload read through Codable alone, as before there was any hand reading.
    static func readThroughCodable<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        try data.withUnsafeBytes { raw in
            try JSONTape.withTape(scanning: raw.bindMemory(to: UInt8.self)) { tape in
                try JSONTapeDecoder(tape: tape, node: 0, parent: nil, key: nil).decodeSelf(as: T.self)
            }
        }
    }

    /// Decodes `json` with cdop's decoder (hand reading first) and with Foundation's, and checks they agree.
    static func agree<T: Decodable & Equatable>(_ type: T.Type, _ json: String) -> Outcome<T> {
        let data = Data(json.utf8)
        let ours = JSONTapeDecoderTests.outcome(T.self) { try CanonicalJSON.decode(T.self, from: data) }
        let foundation = JSONTapeDecoderTests.outcome(T.self) { try JSONTapeDecoderTests.foundation().decode(T.self, from: data) }
        #expect(ours == foundation, "\(json)")
        return ours
    }

    static let texts = ["Northgate Surgery", "", "O'Brien \"quoted\" \\ slash", "Zoë – ünïcödé 🌙", "tab\tnew\nline", "\u{1}"]

    @Test("random payloads, encoded canonically, are read by hand to the value Foundation's decoder reads")
    func handReadingAgreesWithFoundation() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
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
            let declined = FormDeclined(requestID: FormRequestID(UUID()), agencyName: text(), declaredBy: text(), at: at())
            let involved = AgencyRecordedInvolved(
                involvement: AgencyInvolvement(
                    agencyID: AgencyID(UUID()), agencyName: text(), kind: AgencyKind.allCases[next(AgencyKind.allCases.count)],
                    contactName: next(2) == 0 ? nil : text(), contactEmail: next(2) == 0 ? nil : text()),
                at: at())
            try check(MarkedReadyForPanel(at: at()))
            try check(AssignedToPanelMeeting(meetingID: MeetingID(UUID()), meetingDate: day(), at: at()))
            try check(RecommendationRecorded(actionID: ActionID(UUID()), text: text(), owner: text(), dueDate: day(), at: at()))
            try check(reminder)
            try check(requested)
            try check(declined)
            try check(involved)
        }
    }

    /// `payload`, encoded canonically, is read by hand (not declined), to the payload itself and to what
    /// Foundation's decoder reads.
    func check<T: TapeReadable & EventPayload>(_ payload: T) throws {
        let data = try CanonicalJSON.encode(payload)
        let byHand = try Self.readByHand(T.self, data)
        #expect(byHand == payload, "\(String(decoding: data, as: UTF8.self))")
        #expect(Self.agree(T.self, String(decoding: data, as: UTF8.self)) == .value(payload))
    }

    @Test("what the hand reading declines is read, or refused, by Codable as before")
    func declinedDocumentsGoThroughCodable() throws {
        let id = "73a1b9e6-4d51-4a15-a821-32861e7ae74f"
        let base = #""agencyName":"Northgate Surgery","at":"2025-06-01T09:00:00Z","kind":"reminder","requestID":"\#(id)""#
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
        #expect(try Self.readByHand(FormReminderIssued.self, repeated) == Self.readThroughCodable(FormReminderIssued.self, repeated))
        #expect(try Self.readByHand(FormReminderIssued.self, repeated)?.step == 1)
        // Missing, null, or of the wrong kind: refused with Codable's error, the same as Foundation's.
        for json in ["{\(base)}", "{\(base),\"step\":null}", "{\(base),\"step\":\"1\"}", "{\(base.replacingOccurrences(of: "reminder", with: "shout")),\"step\":1}"] {
            guard case .failure = Self.agree(FormReminderIssued.self, json) else {
                Issue.record("\(json) was read")
                continue
            }
        }
        // Optional members: missing and null are both nil.
        let involvement = #"{"at":"2025-06-01T09:00:00Z","involvement":{"agencyID":"\#(id)","agencyName":"GP","kind":"gp""#
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

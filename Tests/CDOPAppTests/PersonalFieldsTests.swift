import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPJSON
import CDOPPrivacy
import CDOPTesting
import Foundation
import Testing

/// The catalogue of the case's personal fields, against the golden events: every personal value sealed, opened
/// to the same bytes, and, once every subject is erased, read by the domain as before with the same age band.
@Suite("The personal fields of the case's events")
struct PersonalFieldsTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../CDOPDomainTests/Fixtures/golden-events")
    static let stream = "case-00000000-0000-4000-8000-000000000001"

    let folder = TemporaryDirectory("cdop-personal-fields")

    func encryption() throws -> FieldEncryption {
        let forms = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().forms.all
        return FieldEncryption(
            catalogue: PersonalFields.catalogue(forms: forms),
            keyring: try SubjectKeyring(path: folder.path("k.sqlite")))
    }

    static func golden(_ type: String) throws -> EncodedEvent {
        let file = try Data(contentsOf: golden.appendingPathComponent("\(type).json"))
        let object = try JSONSerialization.jsonObject(with: file) as! [String: Any]
        let data = try JSONSerialization.data(
            withJSONObject: object["data"]!, options: [.sortedKeys, .withoutEscapingSlashes])
        return EncodedEvent(type: type, schemaVersion: 1, data: data)
    }

    static let cases: [(type: String, values: [String])] = [
        (
            "case.notificationReceived.v1",
            [
                "Testchild", "2025-12-20", "9434765919", "1 Example Row", "ZZ99 1AA", "Sam Notifier", "sam.notifier@",
                "01632 960001", "Dr Jo Example", "Found unresponsive",
            ]
        ),
        ("case.notificationCorrected.v1", ["Testchild", "Alexander", "2025-12-20", "Sam Notifier"]),
        ("case.formReturned.v1", ["Dr Jo Example"]),
        ("case.formDeclined.v1", ["Records officer"]),
        ("case.formRequested.v1", ["lead@gp.example.org"]),
        ("case.formContactChanged.v1", ["new.contact@gp.example.org"]),
        ("case.duplicateMerged.v1", ["Sam Notifier", "lead@police.example.org", "Lead Contact", "01632 960001"]),
        ("case.agencyRecordedInvolved.v1", ["lead@gp.example.org", "Lead Contact"]),
    ]

    @Test(
        "Every personal value of the golden events is sealed, and opens to the very bytes", arguments: cases.map(\.type)
    )
    func everyPersonalValueIsSealed(type: String) throws {
        let encryption = try encryption()
        let event = try Self.golden(type)
        let eventID = UUID()
        let sealed = try encryption.seal(event.data, type: type, streamID: Self.stream, eventID: eventID, now: Date())
        try encryption.willCommit()
        for value in Self.cases.first(where: { $0.type == type })!.values {
            #expect(sealed.range(of: Data(value.utf8)) == nil, "\(type) keeps \(value) in the clear")
        }
        #expect(try encryption.open(sealed, type: type, eventID: eventID) == event.data)
    }

    @Test(
        "With every subject erased each event still reads, and a notification keeps its age band",
        arguments: cases.map(\.type))
    func withEverySubjectErasedEachEventStillReads(type: String) throws {
        let encryption = try encryption()
        let event = try Self.golden(type)
        let eventID = UUID()
        let sealed = try encryption.seal(event.data, type: type, streamID: Self.stream, eventID: eventID, now: Date())
        try encryption.willCommit()
        for subject in try encryption.keyring.subjects() { try encryption.keyring.erase(subject, now: Date()) }
        let erased = EncodedEvent(
            type: type, schemaVersion: 1, data: try encryption.open(sealed, type: type, eventID: eventID))
        let before = try EventCodec.decode(event, as: CaseEvent.self)
        let after = try EventCodec.decode(erased, as: CaseEvent.self)
        for value in Self.cases.first(where: { $0.type == type })!.values {
            #expect(erased.data.range(of: Data(value.utf8)) == nil, "\(type) reads \(value) after erasure")
        }
        if case .notificationReceived(let was) = before, case .notificationReceived(let now) = after {
            #expect(now.notification.child.name.surname == PersonalFields.erasedText)
            #expect(
                AgeBand(born: now.notification.child.dateOfBirth, died: now.notification.death.date)
                    == AgeBand(born: was.notification.child.dateOfBirth, died: was.notification.death.date))
            #expect(now.notification.child.sex == was.notification.child.sex)
            #expect(now.notification.death == was.notification.death)
        }
    }

    @Test("The NHS number a merged duplicate brings is the child's: sealed, and no number once the child is erased")
    func aMergedNHSNumberIsTheChilds() throws {
        let encryption = try encryption()
        let type = "case.duplicateMerged.v1"
        let golden = try Self.golden(type)
        var object = try #require(try JSONSerialization.jsonObject(with: golden.data) as? [String: Any])
        object["nhsNumberAdded"] = "9434765919"
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        let eventID = UUID()
        let sealed = try encryption.seal(data, type: type, streamID: Self.stream, eventID: eventID, now: Date())
        try encryption.willCommit()
        #expect(sealed.range(of: Data("9434765919".utf8)) == nil)
        #expect(try encryption.keyring.subjects().contains(Self.stream + "/child"))
        try encryption.keyring.erase(Self.stream + "/child", now: Date())
        let erased = EncodedEvent(
            type: type, schemaVersion: 1, data: try encryption.open(sealed, type: type, eventID: eventID))
        guard case .duplicateMerged(let merged) = try EventCodec.decode(erased, as: CaseEvent.self) else {
            Issue.record("not a merged duplicate")
            return
        }
        #expect(merged.nhsNumberAdded == nil)
    }

    @Test("An erased date of birth is the latest giving the same age band, at every age from birth to eighteen")
    func anErasedDateOfBirthKeepsTheAgeBand() throws {
        let died = CalendarDate(year: 2026, month: 3, day: 1)!
        for age in stride(from: 0, through: 6_600, by: 7) {
            let born = died.adding(days: -age)
            let json = Data("{\"notification\":{\"death\":{\"date\":\"\(died.iso)\"}}}".utf8)
            let erased = try json.withUnsafeBytes { buffer in
                try JSONTape.withTape(scanning: buffer.bindMemory(to: UInt8.self), instants: Timestamp.self) { tape in
                    PersonalFields.sameAgeBand(Array("\"\(born.iso)\"".utf8), PersonalFieldDocument(tape: tape))
                }
            }
            let substitute = try #require(CalendarDate(iso: String(erased.dropFirst().dropLast())))
            #expect(AgeBand(born: substitute, died: died) == AgeBand(born: born, died: died), "\(age) days")
            #expect(substitute >= born && substitute <= died)
            #expect(
                substitute == died
                    || AgeBand(born: substitute.adding(days: 1), died: died) != AgeBand(born: born, died: died),
                "the latest such date")
        }
    }

    @Test("The family's answers, the author's and the child's are each their own subject")
    func answersBelongToTheirSubjects() throws {
        let forms = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().forms.all
        let answers = PersonalFields.catalogue(forms: forms).fields(of: "case.formReturned.v1")
        #expect(answers.first { $0.pathText == "answers.household" }?.role == "family")
        #expect(answers.first { $0.pathText == "answers.completed-by-name" }?.role == "author-{requestID}")
        #expect(answers.count >= 5)
    }
}

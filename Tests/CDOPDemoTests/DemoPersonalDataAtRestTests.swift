import CDOPApp
import CDOPDemo
import CDOPDomain
import CDOPPrivacy
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// The privacy issue's sixth part on the demo panel: a copy of the database file without its keys file holds no
/// personal value in the clear, in the events or in the read models, and the pages still find a case by its
/// child's name or NHS number.
@Suite("Personal data at rest in the demo panel")
struct DemoPersonalDataAtRestTests {
    @Test("The database file without its keys holds none of the personal values the events carry")
    func theDatabaseFileHoldsNoPersonalValueInTheClear() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let store = demo.engine.sqliteStore!
        let encryption = try #require(store.options.protection as? FieldEncryption)
        let events = try store.readAll(after: 0, limit: 1_000_000)
        // The panel's own directories (agencies and their contacts, its staff) are its working records, not a
        // case's people: a value the case names that they hold too is theirs to keep.
        let directories =
            events.filter { $0.streamID.hasPrefix("agency-") }.map(\.data)
            + DemoAccounts.people.flatMap { [Data($0.name.utf8), Data($0.email.utf8)] }
        var values: [String: String] = [:]
        for event in events {
            for found in try encryption.personalValues(in: event.data, type: event.type, streamID: event.streamID) {
                for text in Self.texts(in: Data(found.json.utf8))
                where Self.isDistinctive(text) && !directories.contains(where: { $0.range(of: Data(text.utf8)) != nil })
                {
                    values[text] = "\(event.type) \(found.field)"
                }
            }
        }
        #expect(values.count > 200, "the demo's personal values: \(values.count)")
        try await store.database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let file = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let found = values.keys.filter { file.range(of: Data($0.utf8)) != nil }.sorted()
        #expect(found.isEmpty, "in the clear: \(found.map { "\($0) (\(values[$0] ?? ""))" })")
        // A form's contact or a meeting's invitee may be anyone the coordinator names, not only someone in the
        // directories; and no email's id holds an address.
        let unsealed = try await store.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM form_requests WHERE contact_email NOT LIKE 'sealed:%')
                         + (SELECT COUNT(*) FROM outbox WHERE request_id IS NOT NULL AND case_id IS NOT NULL
                            AND recipient_address IS NOT NULL AND recipient_address NOT LIKE 'sealed:%')
                         + (SELECT COUNT(*) FROM outbox WHERE stream_id LIKE 'meeting-%'
                            AND (recipient_address NOT LIKE 'sealed:%' OR agency_name NOT LIKE 'sealed:%'))
                         + (SELECT COUNT(*) FROM outbox WHERE outbox_id LIKE '%@%')
                    """)
        }
        #expect(unsealed == 0)
        let contacts = try await store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM form_requests WHERE contact_email LIKE 'sealed:%'") ?? 0
        }
        #expect(contacts > 10)
    }

    @Test("A case is still found by its child's name, a part of it, and its NHS number")
    func aCaseIsStillFoundByTheChildsNameAndNHSNumber() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let summaries = try await demo.engine.sqliteStore!.read { db in try CaseQueries.list(in: db) }
        let named = try #require(summaries.first { $0.childName.split(separator: " ").count == 2 })
        let caseID = try #require(CaseID(named.caseID))
        let child = try #require(try demo.engine.workflow.caseState(caseID).notification?.child)
        #expect(named.childName == child.name.fullName, "the list shows the name opened")
        #expect(named.dateOfBirth == child.dateOfBirth.iso)
        let find = { (text: String) in
            try demo.engine.sqliteStore!.read { db in
                try CaseQueries.search(CaseSearch(text: text), in: db).map(\.caseID)
            }
        }
        #expect(try find(child.name.fullName).contains(named.caseID))
        #expect(try find(String(child.name.surname.prefix(3)).uppercased()).contains(named.caseID))
        #expect(try find("\(child.name.forenames.prefix(2)) \(child.name.surname)").contains(named.caseID))
        #expect(try !find(String(child.name.surname.dropFirst(2))).contains(named.caseID), "a word's middle")
        if let nhs = child.nhsNumber.number {
            #expect(try find(nhs.text).contains(named.caseID))
        }
    }

    /// The string leaves of a JSON value (a name's forenames, surname and aliases; an address's lines).
    static func texts(in json: Data) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]) else { return [] }
        var texts: [String] = []
        func walk(_ value: Any) {
            switch value {
            case let text as String: texts.append(text)
            case let array as [Any]: array.forEach(walk)
            case let object as [String: Any]: object.values.forEach(walk)
            default: break
            }
        }
        walk(value)
        return texts
    }

    /// A value long enough that finding it in a file is no coincidence, and not a word the engine itself writes
    /// (nor a date, which any event's dates may equal).
    static func isDistinctive(_ text: String) -> Bool {
        text.count >= 6 && text != PersonalFields.erasedText && text != "notCurrentlyAvailable"
            && CalendarDate(iso: text) == nil
    }
}

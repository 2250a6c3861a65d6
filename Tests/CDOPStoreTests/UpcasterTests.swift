import CDOPStore
import Foundation
import Testing

@Suite("Schema evolution by upcasting on read")
struct UpcasterTests {
    static let v1ToV2 = Upcaster(from: "case.thing.v1", version: 1, to: "case.thing.v2", version: 2) { data in
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object["renamed"] = object.removeValue(forKey: "old")
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
    static let v2ToV3 = Upcaster(from: "case.thing.v2", version: 2, to: "case.thing.v3", version: 3) { data in
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object["added"] = "default"
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test("An old event is read in its current shape through a chain of upcasters, and stored unchanged")
    func chainIsApplied() throws {
        let fixture = try StoreFixture()
        let old = NewEvent(eventID: UUID(), type: "case.thing.v1", schemaVersion: 1, data: Data(#"{"old":"x"}"#.utf8))
        try fixture.store.append(to: "case-1", expected: .any, events: [old], recordedAt: testMoment)

        var options = EventStoreOptions()
        options.upcasters = UpcasterRegistry([Self.v1ToV2, Self.v2ToV3])
        let upgraded = try fixture.reopen(options: options)
        let read = try #require(try upgraded.readStream("case-1").first)
        #expect(read.type == "case.thing.v3" && read.schemaVersion == 3)
        #expect(String(decoding: read.data, as: UTF8.self) == #"{"added":"default","renamed":"x"}"#)
        #expect(try upgraded.readAll(after: 0, limit: 10).first?.type == "case.thing.v3")
        // The stored row is never rewritten.
        #expect(try fixture.store.readStream("case-1").first?.data == old.data)
    }

    @Test("An upcaster that fails names the event's position and type, not its data")
    func failureIsReported() throws {
        let failing = Upcaster(from: "case.thing.v1", version: 1, to: "case.thing.v2", version: 2) { _ in
            throw CocoaError(.coderReadCorrupt)
        }
        var options = EventStoreOptions()
        options.upcasters = UpcasterRegistry([failing])
        let fixture = try StoreFixture(options: options)
        let secret = NewEvent(eventID: UUID(), type: "case.thing.v1", data: Data(#"{"name":"Alex Testchild"}"#.utf8))
        try fixture.store.append(to: "case-1", expected: .any, events: [secret], recordedAt: testMoment)
        let error = #expect(throws: EventStoreError.self) { try fixture.store.readStream("case-1") }
        #expect(error.map { "\($0)" }?.contains("Testchild") == false)
        #expect(error.map { "\($0)" }?.contains("case.thing.v1") == true)
    }
}

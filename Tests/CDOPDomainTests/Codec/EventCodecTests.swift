import Foundation
import Testing

@testable import CDOPDomain

@Suite("Event codec")
struct EventCodecTests {
    @Test("An unknown type name is refused with a typed error")
    func unknownType() {
        #expect(throws: EventCodecError.unknownType("case.somethingElse.v1")) {
            try EventCodec.decode(
                EncodedEvent(type: "case.somethingElse.v1", schemaVersion: 1, data: Data("{}".utf8)), as: CaseEvent.self
            )
        }
        #expect(throws: EventCodecError.unknownType("case.closed.v1")) {
            try EventCodec.decode(
                EncodedEvent(type: "case.closed.v1", schemaVersion: 1, data: Data("{}".utf8)), as: MeetingEvent.self)
        }
    }

    @Test("A known type at an unknown schema version is refused")
    func unknownVersion() {
        #expect(throws: EventCodecError.unsupportedSchemaVersion(type: "case.closed.v1", version: 2)) {
            try EventCodec.decode(
                EncodedEvent(
                    type: "case.closed.v1", schemaVersion: 2, data: Data("{\"at\":\"2026-06-01T09:00:00Z\"}".utf8)),
                as: CaseEvent.self)
        }
    }

    @Test(
        "Data of the wrong shape is refused, naming the path but not the values",
        arguments: [
            "{}", "not json", "{\"at\":\"yesterday\"}", "{\"at\":12}",
        ])
    func badData(_ json: String) throws {
        do {
            _ = try EventCodec.decode(
                EncodedEvent(type: "case.closed.v1", schemaVersion: 1, data: Data(json.utf8)), as: CaseEvent.self)
            Issue.record("decoded bad data")
        } catch {
            #expect(error.code == "codec.invalidData")
            #expect(!error.description.contains("yesterday"))
        }
    }

    @Test("Identifiers are stored as lowercase UUID strings and name their streams")
    func identifiers() throws {
        let id: CaseID = Identifier(UUID(uuidString: "3F2B0C1E-0000-4000-8000-00000000ABCD")!)
        #expect(id.streamID == "case-3f2b0c1e-0000-4000-8000-00000000abcd")
        #expect(
            String(decoding: try CanonicalJSON.encode([id]), as: UTF8.self)
                == "[\"3f2b0c1e-0000-4000-8000-00000000abcd\"]")
        #expect(
            try CanonicalJSON.decode([CaseID].self, from: Data("[\"3F2B0C1E-0000-4000-8000-00000000ABCD\"]".utf8)) == [
                id
            ])
        #expect(MeetingID(id.uuid).streamID.hasPrefix("meeting-"))
        #expect(AgencyID(id.uuid).streamID.hasPrefix("agency-"))
    }

    @Test("An event's stored type name is its stable name, never the Swift type name")
    func stableName() throws {
        let event = CaseEvent.closed(CaseClosed(reason: nil, at: Sample.now))
        let encoded = try EventCodec.encode(event)
        #expect(encoded.type == "case.closed.v1")
        #expect(encoded.schemaVersion == 1)
        #expect(String(decoding: encoded.data, as: UTF8.self) == "{\"at\":\"2026-06-01T09:00:00Z\"}")
        #expect(try EventCodec.decode(encoded, as: CaseEvent.self) == event)
    }
}

import Foundation
import Testing

@testable import CDOPDomain
@testable import CDOPJSON

/// Events are written by an encoder of our own (`CanonicalJSONWriter`): it must write exactly the bytes
/// Foundation's `JSONEncoder` writes canonically, or decline and leave the value to Foundation.
@Suite("Canonical JSON written by our own encoder: Foundation's bytes")
struct CanonicalJSONWriterTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data { try CanonicalJSON.encoder().encode(value) }

    @Test(
        "Every kind of event the deciders produce is written byte for byte as Foundation writes it (answers holding a number through Foundation)"
    )
    func everyEventType() throws {
        var declined: Set<String> = []
        for (name, encoded) in try GoldenExamples.all() {
            let payload: any EventPayload =
                switch name.split(separator: ".").first {
                case "case": try EventCodec.decode(encoded, as: CaseEvent.self).payload
                case "meeting": try EventCodec.decode(encoded, as: MeetingEvent.self).payload
                case "user": try EventCodec.decode(encoded, as: UserEvent.self).payload
                case "nationalReturn": try EventCodec.decode(encoded, as: NationalReturnLogEvent.self).payload
                default: try EventCodec.decode(encoded, as: AgencyEvent.self).payload
                }
            #expect(try CanonicalJSON.encode(payload) == (try Self.foundation(payload)), "\(name)")
            guard let ours = try CanonicalJSONWriter.encode(payload, instants: Timestamp.self) else {
                declined.insert(name)
                continue
            }
            #expect(ours == (try Self.foundation(payload)), "\(name)")
        }
        // A returned form's answers may hold a number (a Double), which Foundation writes in its own way.
        #expect(declined == ["case.formReturned.v1"])
    }

    struct Keys: Encodable {
        var values: [String: Int]
        var nested: [[String: String?]]
        var flag: Bool
        var big: UInt64
        var small: Int8
        var at: Date
    }

    @Test("Keys sort by their bytes (capitals, digits, underscores), strings escape as Foundation escapes them")
    func keysAndEscapes() throws {
        let strange = [
            "\u{0}", "\u{1f}", "\u{7f}", "\u{2028}", "/", "\"", "\\", "\n", "\t", "\r", "\u{8}", "\u{c}", "é", "🌙",
        ]
        let value = Keys(
            values: Dictionary(
                uniqueKeysWithValues: ["b", "B", "a10", "a9", "A", "_x", "aB", "ab", "a-", "Z"].enumerated().map {
                    ($1, $0)
                }),
            nested: [Dictionary(uniqueKeysWithValues: strange.enumerated().map { ("k\($0)", $1) }), ["none": nil]],
            flag: true, big: .max, small: -128, at: Date(timeIntervalSince1970: 1_780_000_000.123))
        let ours = try #require(try CanonicalJSONWriter.encode(value, instants: Timestamp.self))
        #expect(ours == (try Self.foundation(value)), "\(String(decoding: ours, as: UTF8.self))")
    }

    @Test("What Foundation writes in ways of its own is declined, and CanonicalJSON then writes it through Foundation")
    func declinedValues() throws {
        struct Floating: Encodable { var x = 0.1 }
        struct Bytes: Encodable { var data = Data([1, 2, 3]) }
        struct Link: Encodable { var url = URL(string: "https://example.org/a/b")! }
        struct Erased: Encodable {
            var value: any Encodable = Date(timeIntervalSince1970: 0)
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(AnyEncodable(value))
            }
        }
        struct AnyEncodable: Encodable {
            let value: any Encodable
            init(_ value: any Encodable) { self.value = value }
            func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
        }
        #expect(try CanonicalJSONWriter.encode(Floating(), instants: Timestamp.self) == nil)
        #expect(try CanonicalJSONWriter.encode(Bytes(), instants: Timestamp.self) == nil)
        #expect(try CanonicalJSONWriter.encode(Link(), instants: Timestamp.self) == nil)
        for data in [
            try CanonicalJSON.encode(Floating()), try CanonicalJSON.encode(Bytes()), try CanonicalJSON.encode(Link()),
        ] {
            #expect(!data.isEmpty)
        }
        #expect(try CanonicalJSON.encode(Floating()) == (try Self.foundation(Floating())))
        #expect(try CanonicalJSON.encode(Link()) == (try Self.foundation(Link())))
        #expect(try CanonicalJSON.encode(Erased()) == (try Self.foundation(Erased())))
    }
}

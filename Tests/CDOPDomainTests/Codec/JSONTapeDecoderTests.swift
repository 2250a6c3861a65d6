import Foundation
import Testing

@testable import CDOPDomain

/// The tape decoder must decode exactly what Foundation's `JSONDecoder` (configured as `CanonicalJSON` was)
/// decodes, and fail where and how it fails: these tests run both on the same input and compare.
@Suite("JSON tape decoder: the same values and errors as Foundation's JSONDecoder")
struct JSONTapeDecoderTests {
    static func expectSame<T: Decodable & Equatable>(
        _ type: T.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let data = Data(json.utf8)
        let expected = DecodeOutcome.of(type) { try JSONDecoder.asStoredDataWasRead().decode(T.self, from: data) }
        let actual = DecodeOutcome.of(type) { try CanonicalJSON.decode(T.self, from: data) }
        #expect(actual == expected, "\(json)", sourceLocation: sourceLocation)
    }

    struct Person: Codable, Equatable {
        var name: String
        var age: Int
        var nickname: String?
        var born: CalendarDate
        var seen: Date?
        var tags: [String]
        var scores: [String: Double]
        var parent: Child?
    }

    struct Child: Codable, Equatable {
        var name: String
        var flags: [Bool]
    }

    enum Shape: Codable, Equatable {
        case circle(radius: Double)
        case square(side: Int, label: String?)
        case none
    }

    @Test("Every golden event decodes to the same value with both decoders")
    func goldenEvents() throws {
        for name in GoldenFile.allTypeNames {
            let text = try String(
                contentsOf: GoldenFile.bundled.appendingPathComponent(name + ".json"), encoding: .utf8)
            let stored = try GoldenFile.parse(text)
            let viaTape = try GoldenFile.roundTrip(stored)
            let payloadType = try #require(
                (CaseEvent.payloadTypes + MeetingEvent.payloadTypes + AgencyEvent.payloadTypes + UserEvent.payloadTypes
                    + NationalReturnLogEvent.payloadTypes)
                    .first { $0.typeName == name })
            let viaFoundation = try CanonicalJSON.encode(Self.decodeWithFoundation(payloadType, stored.data))
            #expect(viaTape.data == viaFoundation, "\(name)")
        }
    }

    static func decodeWithFoundation<P: EventPayload>(_ type: P.Type, _ data: Data) throws -> P {
        try JSONDecoder.asStoredDataWasRead().decode(P.self, from: data)
    }

    @Test("Values of every kind decode alike")
    func values() {
        let full = #"""
            {"age":7,"born":"2019-02-28","name":"Ann \"Annie\" O\u2019Neil \ud83d\ude00 \\ \/ \n\t","nickname":null,
             "parent":{"flags":[true,false],"name":"B"},"scores":{"a":1.5,"b":-2e3,"c":0},
             "seen":"2026-05-03T14:05:00.25+01:00","tags":["x","y"],"unknown":{"deep":[1,[2,{"x":null}]]}}
            """#
        Self.expectSame(Person.self, full)
        Self.expectSame(Person.self, #"{"age":0,"born":"2000-01-01","name":"","tags":[],"scores":{}}"#)
        Self.expectSame([Shape].self, #"[{"circle":{"radius":2}},{"square":{"side":3}},{"none":{}}]"#)
        Self.expectSame([Int?].self, "[1,null,-3]")
        Self.expectSame([[String]].self, #"[["a"],[],["b","c"]]"#)
        Self.expectSame(Int.self, "  42 ")
        Self.expectSame(Int.self, "1e2")
        Self.expectSame(Int.self, "-0")
        Self.expectSame(Int64.self, "-9223372036854775808")
        Self.expectSame(UInt8.self, "255")
        Self.expectSame(Double.self, "-1.25e-3")
        Self.expectSame(String.self, #""\u00e9\u0000""#)
        Self.expectSame(Bool.self, "true")
        Self.expectSame([String: [Int]].self, #"{"k":[1,2],"é":[]}"#)
        Self.expectSame(Date.self, #""2026-05-03T13:05:00Z""#)
    }

    @Test("Missing keys, wrong types and nulls fail with the same error and path")
    func errors() {
        Self.expectSame(Person.self, #"{"born":"2019-02-28","name":"A","tags":[],"scores":{}}"#)
        Self.expectSame(Person.self, #"{"age":"7","born":"2019-02-28","name":"A","tags":[],"scores":{}}"#)
        Self.expectSame(Person.self, #"{"age":7,"born":"2019-02-30","name":"A","tags":[],"scores":{}}"#)
        Self.expectSame(Person.self, #"{"age":7,"born":"2019-02-28","name":null,"tags":[],"scores":{}}"#)
        Self.expectSame(Person.self, #"{"age":7,"born":"2019-02-28","name":"A","tags":["a",3],"scores":{}}"#)
        Self.expectSame(Person.self, #"{"age":7,"born":"2019-02-28","name":"A","tags":[],"scores":{"x":"y"}}"#)
        Self.expectSame(
            Person.self,
            #"{"age":7,"born":"2019-02-28","name":"A","tags":[],"scores":{},"parent":{"name":"B","flags":[1]}}"#)
        Self.expectSame(
            Person.self, #"{"age":7,"born":"2019-02-28","name":"A","tags":[],"scores":{},"seen":"yesterday"}"#)
        Self.expectSame(Person.self, "[]")
        Self.expectSame(Person.self, "null")
        Self.expectSame([Shape].self, #"[{"circle":{}}]"#)
        Self.expectSame([Shape].self, #"[{"triangle":{}}]"#)
        Self.expectSame(Int.self, "1.5")
        Self.expectSame(Int8.self, "300")
        Self.expectSame(UInt.self, "-1")
        Self.expectSame(String.self, "12")
    }

    /// Stricter than Foundation, which reads some of these (trailing commas, "01", bad escapes) or fails on them
    /// only when the value is asked for: stored data and API bodies must be JSON as RFC 8259 defines it.
    @Test(
        "Text that is not JSON (RFC 8259) is refused as corrupted at the top level",
        arguments: [
            "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "1.", "-", "1e", "+1", ".5", "tru",
            "nul",
            "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"tab\tinside\"", "[1] 2", "{\"a\":1}}", "NaN",
        ])
    func malformed(_ text: String) {
        let data = Data(text.utf8)
        #expect(
            DecodeOutcome.of(String.self) { try CanonicalJSON.decode(String.self, from: data) }
                == .failure(kind: "dataCorrupted", path: []))
        #expect(
            DecodeOutcome.of([String: Int].self) { try CanonicalJSON.decode([String: Int].self, from: data) }
                == .failure(kind: "dataCorrupted", path: []))
    }

    @Test("Bytes that are not UTF-8, and escaped lone surrogates, are refused as corrupted")
    func invalidUTF8() {
        for data in [Data([0x22, 0xFF, 0xFE, 0x22]), Data(#""\ud800""#.utf8), Data(#""\udc00 alone""#.utf8)] {
            #expect(
                DecodeOutcome.of(String.self) { try CanonicalJSON.decode(String.self, from: data) }
                    == .failure(kind: "dataCorrupted", path: []))
        }
    }

    @Test("A document nested deeper than the limit is refused, not a crash")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DecodingError.self) { try CanonicalJSON.decode([String].self, from: Data(deep.utf8)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        Self.expectSame([String].self, fine)
    }
}

import Foundation

/// A `Decoder` over one node of a scanned `JSONTape`. Decoding follows Foundation's `JSONDecoder` as
/// `CanonicalJSON` configures it (instants as ISO 8601 text, `Data` as base64), and throws the same
/// `DecodingError`s with the same coding paths, so callers cannot tell the two apart except by speed.
package final class JSONTapeDecoder: Decoder {
    let tape: JSONTape
    let node: Int
    private let parent: JSONTapeDecoder?
    private let key: (any CodingKey)?

    init(tape: JSONTape, node: Int, parent: JSONTapeDecoder?, key: (any CodingKey)?) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
    }

    /// Decodes a whole document whose instants are spelt as `instants` spells them.
    package static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, instants: any InstantSpelling.Type
    ) throws -> T {
        try data.withUnsafeBytes { raw in
            do {
                return try JSONTape.withTape(scanning: raw.bindMemory(to: UInt8.self), instants: instants) { tape in
                    if let readable = T.self as? any TapeReadable.Type, let object = JSONObjectReader(tape, node: 0),
                        let value = readable.init(reading: object) as? T
                    {
                        return value
                    }
                    return try JSONTapeDecoder(tape: tape, node: 0, parent: nil, key: nil).decodeSelf(as: T.self)
                }
            } catch let error as JSONSyntaxError {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: [], debugDescription: "The given data was not valid JSON.", underlyingError: error))
            }
        }
    }

    package var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var decoder: JSONTapeDecoder? = self
        while let current = decoder {
            if let key = current.key { keys.append(key) }
            decoder = current.parent
        }
        return keys.reversed()
    }

    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    var kind: JSONTape.Kind { tape[node].kind }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard kind == .object else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(decoder: self))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard kind == .array else { throw mismatch([Any].self) }
        return JSONUnkeyedContainer(decoder: self)
    }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueContainer(decoder: self)
    }

    /// The decoder for a member of this value (an object's key or an array's index).
    func child(_ node: Int, key: any CodingKey) -> JSONTapeDecoder {
        JSONTapeDecoder(tape: tape, node: node, parent: self, key: key)
    }

    // MARK: Reading this node's value

    /// This node as `T`: scalars are read directly, instants and base64 data as `CanonicalJSON` writes them,
    /// anything else through `T.init(from:)`.
    func decodeSelf<T: Decodable>(as type: T.Type) throws -> T {
        // The checks above each line make the bit casts exact (a dynamic cast here shows in a replay's profile).
        if T.self == String.self { return unsafeBitCast(try readString(), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try readInteger(Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try readBool(), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try readFloat(Double.self), to: T.self) }
        if T.self == Date.self {
            let parsed = try plainStringBytes.map(tape.instants.parse(bytes:)) ?? tape.instants.parse(readString())
            guard let date = parsed else { throw corrupted("Not an ISO 8601 instant") }
            return unsafeBitCast(date, to: T.self)
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try readString()) else {
                throw corrupted("Encountered Data is not valid Base64.")
            }
            return data as! T
        }
        if T.self == URL.self {
            guard let url = URL(string: try readString()) else { throw corrupted("Invalid URL string.") }
            return url as! T
        }
        if T.self == Decimal.self {
            guard kind == .number, let decimal = Decimal(string: String(decoding: tape.slice(node), as: UTF8.self))
            else {
                throw mismatch(Decimal.self)
            }
            return decimal as! T
        }
        return try T(from: self)
    }

    func readNull() -> Bool { kind == .null }

    /// This node's text as bytes, when it is a string without escapes: for values parsed straight from their
    /// bytes (identifiers, dates, instants) without making a `String` first.
    package var plainStringBytes: UnsafeBufferPointer<UInt8>? {
        kind == .string ? tape.slice(node) : nil
    }

    func readString() throws -> String {
        guard kind == .string || kind == .escapedString else { throw mismatch(String.self) }
        guard let text = JSONStrings.string(of: node, in: tape) else {
            throw corrupted("The string is not valid UTF-8.")
        }
        return text
    }

    func readBool() throws -> Bool {
        switch kind {
        case .isTrue: return true
        case .isFalse: return false
        default: throw mismatch(Bool.self)
        }
    }

    func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard kind == .number else { throw mismatch(T.self) }
        let bytes = tape.slice(node)
        if let value = JSONNumbers.integer(bytes, as: T.self) { return value }
        // 1e3 or 10.0 are whole numbers written another way; anything else does not fit.
        if let real = Double(String(decoding: bytes, as: UTF8.self)), let value = T(exactly: real) { return value }
        throw corrupted("Parsed JSON number <\(String(decoding: bytes, as: UTF8.self))> does not fit in \(T.self).")
    }

    func readFloat<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard kind == .number else { throw mismatch(T.self) }
        guard let value = T(String(decoding: tape.slice(node), as: UTF8.self)), value.isFinite else {
            throw corrupted("Parsed JSON number does not fit in \(T.self).")
        }
        return value
    }

    // MARK: Errors, with this node's coding path

    func mismatch(_ expected: Any.Type) -> DecodingError {
        if kind == .null {
            return .valueNotFound(
                expected,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "Expected \(expected) value but found null instead."))
        }
        return .typeMismatch(
            expected,
            DecodingError.Context(
                codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(kind) instead."))
    }

    func corrupted(_ description: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: description))
    }
}

/// Reads integers straight from the digits of a JSON number.
enum JSONNumbers {
    /// The integer `bytes` spell, or nil when they have a fraction or exponent or do not fit in `T`.
    static func integer<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, as type: T.Type) -> T? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative {
            guard T.isSigned else { return bytes.count == 2 && bytes[1] == UInt8(ascii: "0") ? 0 : nil }
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value: T = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit <= 9 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) =
                negative ? times.subtractingReportingOverflow(T(digit)) : times.addingReportingOverflow(T(digit))
            guard !overflowTimes, !overflowAdd else { return nil }
            value = next
            index += 1
        }
        return value
    }
}

extension JSONTapeDecoder {
    /// A decoder over a JSON null, for `superDecoder(forKey:)` of a missing member.
    static func null(key: any CodingKey, parent: JSONTapeDecoder) -> JSONTapeDecoder {
        let tape = JSONTape(bytes: nullDocument.bytes, nodes: nullDocument.nodes, instants: parent.tape.instants)
        return JSONTapeDecoder(tape: tape, node: 0, parent: parent, key: key)
    }

    /// The document `null` and its one node, made once and never freed (they outlive any one decoding).
    nonisolated(unsafe) private static let nullDocument:
        (bytes: UnsafeBufferPointer<UInt8>, nodes: UnsafeBufferPointer<JSONTape.Node>) = {
            let literal: StaticString = "null"
            let node = UnsafeMutableBufferPointer<JSONTape.Node>.allocate(capacity: 1)
            node[0] = JSONTape.Node(kind: .null, start: 0, end: literal.utf8CodeUnitCount, count: 0, next: 1)
            return (
                UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount),
                UnsafeBufferPointer(node)
            )
        }()
}

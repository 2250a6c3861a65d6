import Foundation

/// Canonical JSON written by an encoder of our own: byte for byte what Foundation's `JSONEncoder` writes with
/// `.sortedKeys` and `.withoutEscapingSlashes` and instants as an `InstantSpelling` writes them (keys in UTF-8 byte order; `"`,
/// `\` and control characters escaped, `\u001f` style; everything else, `/` and non-ASCII included, as it is),
/// several times faster: no boxed containers, no dynamic cast of every value, no intermediate values but one
/// small tree. Encoding an event was a quarter of a historic import's writing.
///
/// What Foundation writes in ways of its own is declined (`nil`), and the caller uses Foundation: floating
/// point numbers, `Data`, `URL`, `Decimal`, a value whose static type is an existential, a key that is not
/// ASCII or is written twice, and a super-encoder. Tests compare the two on every golden event and on random
/// payloads.
package enum CanonicalJSONWriter {
    /// The canonical JSON of `value`, instants spelt by `instants`, or nil when declined.
    package static func encode<T: Encodable>(_ value: T, instants: any InstantSpelling.Type) throws -> Data? {
        let context = WritingContext(instants: instants)
        let root: JSONNode
        do {
            root = try JSONNode.of(value, path: nil, context: context)
        } catch is Declined {
            return nil
        }
        guard !context.declined else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        guard root.write(into: &bytes) else { return nil }
        return Data(bytes)
    }

    /// Thrown (and caught) where Foundation would write a value in its own way.
    struct Declined: Error {}
}

/// What a whole encoding shares: whether something was met that only a non-throwing call could decline.
final class WritingContext {
    let instants: any InstantSpelling.Type
    var declined = false

    init(instants: any InstantSpelling.Type) {
        self.instants = instants
    }
}

/// A key on the way down, for `codingPath`, made into an array only when someone asks.
final class CodingPathLink {
    let parent: CodingPathLink?
    let key: any CodingKey

    init(parent: CodingPathLink?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func path(_ link: CodingPathLink?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = link
        while let link = current {
            keys.append(link.key)
            current = link.parent
        }
        return keys.reversed()
    }
}

/// One value of the tree: text already in JSON (numbers, booleans, null), a string to escape, or a container.
enum JSONNode {
    case literal(String)
    case string(String)
    case object(JSONObjectNode)
    case array(JSONArrayNode)

    /// The node of any value, through its own `encode(to:)` unless it is a string or an instant.
    static func of<T: Encodable>(_ value: T, path: CodingPathLink?, context: WritingContext) throws -> JSONNode {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Date.self { return .string(context.instants.format(value as! Date)) }
        if T.self == Double.self || T.self == Float.self || T.self == Data.self || T.self == URL.self
            || T.self == Decimal.self || type(of: value) != T.self
        {
            throw CanonicalJSONWriter.Declined()
        }
        let encoder = NodeEncoder(path: path, context: context)
        try value.encode(to: encoder)
        // A value that wrote nothing is an empty object, as Foundation writes it.
        return encoder.node ?? .object(JSONObjectNode())
    }

    /// Appends the node's JSON; false when it cannot be written canonically (a key repeated or not ASCII).
    func write(into bytes: inout [UInt8]) -> Bool {
        switch self {
        case .literal(let text):
            bytes.append(contentsOf: text.utf8)
        case .string(let text):
            JSONNode.writeString(text, into: &bytes)
        case .object(let object):
            let members = object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                guard member.key.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
                if index > 0 {
                    guard members[index - 1].key != member.key else { return false }
                    bytes.append(UInt8(ascii: ","))
                }
                JSONNode.writeString(member.key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard member.value.write(into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard item.write(into: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        }
        return true
    }

    /// A string in quotes, escaped as Foundation escapes it.
    static func writeString(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes += [
                        0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                        hex[Int(byte & 0xF)],
                    ]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

final class JSONObjectNode {
    var members: [(key: String, value: JSONNode)] = []
}

final class JSONArrayNode {
    var items: [JSONNode] = []
}

/// The `Encoder` a value writes itself into: it leaves one node.
final class NodeEncoder: Encoder {
    let path: CodingPathLink?
    let context: WritingContext
    var node: JSONNode?

    init(path: CodingPathLink?, context: WritingContext) {
        self.path = path
        self.context = context
    }

    var codingPath: [any CodingKey] { CodingPathLink.path(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObjectNode
        if case .object(let existing)? = node {
            object = existing
        } else {
            if node != nil { context.declined = true }
            object = JSONObjectNode()
            node = .object(object)
        }
        return KeyedEncodingContainer(KeyedNodeWriter<Key>(object: object, path: path, context: context))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArrayNode
        if case .array(let existing)? = node {
            array = existing
        } else {
            if node != nil { context.declined = true }
            array = JSONArrayNode()
            node = .array(array)
        }
        return UnkeyedNodeWriter(array: array, path: path, context: context)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeWriter(encoder: self)
    }
}

struct KeyedNodeWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObjectNode
    let path: CodingPathLink?
    let context: WritingContext

    var codingPath: [any CodingKey] { CodingPathLink.path(path) }

    private func add(_ node: JSONNode, _ key: Key) {
        object.members.append((key.stringValue, node))
    }

    mutating func encodeNil(forKey key: Key) throws { add(.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw CanonicalJSONWriter.Declined() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw CanonicalJSONWriter.Declined() }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.literal(String(value)), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(try JSONNode.of(value, path: CodingPathLink(parent: path, key: key), context: context), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode()
        add(.object(nested), key)
        return KeyedEncodingContainer(
            KeyedNodeWriter<NestedKey>(object: nested, path: CodingPathLink(parent: path, key: key), context: context))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        add(.array(nested), key)
        return UnkeyedNodeWriter(array: nested, path: CodingPathLink(parent: path, key: key), context: context)
    }

    mutating func superEncoder() -> any Encoder {
        context.declined = true
        return NodeEncoder(path: path, context: context)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        context.declined = true
        return NodeEncoder(path: path, context: context)
    }
}

/// Where an unkeyed or single-value container puts a value: the scalars are written the same way for both.
protocol NodeSink {
    func add(_ node: JSONNode)
}

extension NodeSink {
    mutating func encodeNil() throws { add(.literal("null")) }
    mutating func encode(_ value: Bool) throws { add(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { throw CanonicalJSONWriter.Declined() }
    mutating func encode(_ value: Float) throws { throw CanonicalJSONWriter.Declined() }
    mutating func encode(_ value: Int) throws { add(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { add(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { add(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { add(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { add(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { add(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { add(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { add(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { add(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { add(.literal(String(value))) }
}

/// An array's position as a coding key.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

struct UnkeyedNodeWriter: UnkeyedEncodingContainer, NodeSink {
    let array: JSONArrayNode
    let path: CodingPathLink?
    let context: WritingContext

    var codingPath: [any CodingKey] { CodingPathLink.path(path) }
    var count: Int { array.items.count }

    func add(_ node: JSONNode) { array.items.append(node) }
    private var next: CodingPathLink { CodingPathLink(parent: path, key: IndexKey(intValue: array.items.count)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try JSONNode.of(value, path: next, context: context))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = JSONObjectNode()
        let link = next
        add(.object(nested))
        return KeyedEncodingContainer(KeyedNodeWriter<NestedKey>(object: nested, path: link, context: context))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        let link = next
        add(.array(nested))
        return UnkeyedNodeWriter(array: nested, path: link, context: context)
    }

    mutating func superEncoder() -> any Encoder {
        context.declined = true
        return NodeEncoder(path: path, context: context)
    }
}

struct SingleNodeWriter: SingleValueEncodingContainer, NodeSink {
    let encoder: NodeEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    func add(_ node: JSONNode) {
        if encoder.node != nil { encoder.context.declined = true }
        encoder.node = node
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try JSONNode.of(value, path: encoder.path, context: encoder.context))
    }
}

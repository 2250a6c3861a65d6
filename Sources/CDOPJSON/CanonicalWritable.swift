import Foundation

/// A payload that writes its own canonical JSON: the events written most (a historic import writes a
/// notification, a triage, a reference and more for each row), whose writing through Codable's generic
/// containers cost a quarter of an import. It must write exactly the bytes Foundation writes for it, members in
/// ascending key order (optional members left out when nil, as Codable does); in debug builds every such write
/// is compared with Foundation's, so a member added to the type but not to its writer fails every test that
/// records one.
package protocol CanonicalWritable: Encodable {
    func write(to json: inout JSONObjectWriter)
}

/// The bytes a hand-written payload goes into, shared by the writers of its nested objects.
package final class JSONBytes {
    package var bytes: [UInt8] = []
    let instants: any InstantSpelling.Type

    init(instants: any InstantSpelling.Type) {
        self.instants = instants
        bytes.reserveCapacity(1024)
    }
}

/// Writes one JSON object's members, in the order given (which must be ascending by key).
package struct JSONObjectWriter {
    package let output: JSONBytes
    private var empty = true
    #if DEBUG
        private var lastKey = ""
    #endif

    package init(_ output: JSONBytes) {
        self.output = output
        output.bytes.append(UInt8(ascii: "{"))
    }

    package mutating func finish() {
        output.bytes.append(UInt8(ascii: "}"))
    }

    /// `"key":`, after a comma unless it is the first member. Keys are ASCII literals needing no escape.
    package mutating func key(_ key: StaticString) {
        #if DEBUG
            let text = key.description
            precondition(empty || lastKey.utf8.lexicographicallyPrecedes(text.utf8), "key \(text) out of order")
            lastKey = text
        #endif
        if !empty { output.bytes.append(UInt8(ascii: ",")) }
        empty = false
        output.bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { output.bytes.append(contentsOf: $0) }
        output.bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    package mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        JSONNode.writeString(value, into: &output.bytes)
    }

    /// Left out when nil.
    package mutating func string(_ key: StaticString, _ value: String?) {
        if let value { string(key, value) }
    }

    package mutating func value<V: RawRepresentable>(_ key: StaticString, _ value: V) where V.RawValue == String {
        string(key, value.rawValue)
    }

    package mutating func instant(_ key: StaticString, _ value: Date) {
        self.key(key)
        output.bytes.append(UInt8(ascii: "\""))
        output.instants.append(value, to: &output.bytes)
        output.bytes.append(UInt8(ascii: "\""))
    }

    package mutating func bool(_ key: StaticString, _ value: Bool) {
        self.key(key)
        output.bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    package mutating func int(_ key: StaticString, _ value: Int) {
        self.key(key)
        output.bytes.append(contentsOf: String(value).utf8)
    }

    package mutating func ints(_ key: StaticString, _ values: [Int]) {
        self.key(key)
        output.bytes.append(contentsOf: ("[" + values.map(String.init).joined(separator: ",") + "]").utf8)
    }

    package mutating func object(_ key: StaticString, _ write: (inout JSONObjectWriter) -> Void) {
        self.key(key)
        var nested = JSONObjectWriter(output)
        write(&nested)
        nested.finish()
    }

    package mutating func strings(_ key: StaticString, _ values: [String]) {
        self.key(key)
        output.bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.bytes.append(UInt8(ascii: ",")) }
            JSONNode.writeString(value, into: &output.bytes)
        }
        output.bytes.append(UInt8(ascii: "]"))
    }

    package mutating func objects<Element>(
        _ key: StaticString, _ values: [Element], _ write: (Element, inout JSONObjectWriter) -> Void
    ) {
        self.key(key)
        output.bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.bytes.append(UInt8(ascii: ",")) }
            var nested = JSONObjectWriter(output)
            write(value, &nested)
            nested.finish()
        }
        output.bytes.append(UInt8(ascii: "]"))
    }
}

extension CanonicalJSONWriter {
    /// The canonical JSON a hand-written payload writes, instants spelt by `instants`.
    package static func write(_ value: some CanonicalWritable, instants: any InstantSpelling.Type) -> Data {
        let output = JSONBytes(instants: instants)
        var object = JSONObjectWriter(output)
        value.write(to: &object)
        object.finish()
        return Data(output.bytes)
    }
}

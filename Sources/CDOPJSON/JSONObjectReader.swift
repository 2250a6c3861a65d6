import Foundation

/// A payload read by hand straight off a scanned document: for the few event types a replay reads most (three
/// in four stored events), where Codable's containers, boxes and generic metadata cost more than the reading.
///
/// `init?(reading:)` gives nil whenever anything is not exactly as canonical JSON writes it; the decoder then
/// reads the payload through Codable, so a value read by hand is always the value Codable reads (tests check
/// the two against each other), and every error is Codable's.
package protocol TapeReadable {
    init?(reading object: JSONObjectReader)
}

/// The members of one object of a scanned document, looked up by their keys' bytes.
package struct JSONObjectReader {
    package let tape: JSONTape
    package let node: Int

    /// Nil unless `node` is an object whose keys are all written without escapes (a key spelt with escapes
    /// could name a member the byte comparison would miss: Codable reads such an object).
    package init?(_ tape: JSONTape, node: Int) {
        guard tape[node].kind == .object else { return nil }
        var key = node + 1
        for _ in 0..<tape[node].count {
            guard tape[key].kind == .string else { return nil }
            key = tape[key + 1].next
        }
        self.tape = tape
        self.node = node
    }

    /// The value node of the first member named `key` (as Codable takes it), or nil when there is none.
    package func member(_ key: StaticString) -> Int? {
        let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        var candidate = node + 1
        for _ in 0..<tape[node].count {
            let bytes = tape.slice(candidate)
            if bytes.count == wanted.count,
                wanted.isEmpty || memcmp(bytes.baseAddress!, wanted.baseAddress!, wanted.count) == 0
            {
                return candidate + 1
            }
            candidate = tape[candidate + 1].next
        }
        return nil
    }

    package func string(_ key: StaticString) -> String? { member(key).flatMap(tape.plainString) }
    package func int(_ key: StaticString) -> Int? { member(key).flatMap(tape.plainInt) }
    package func date(_ key: StaticString) -> Date? { member(key).flatMap(tape.plainDate) }

    package func bool(_ key: StaticString) -> Bool? { member(key).flatMap(tape.plainBool) }

    package func value<Value: RawRepresentable<String>>(_ key: StaticString) -> Value? {
        string(key).flatMap(Value.init(rawValue:))
    }

    package func value<Value: RawRepresentable<Int>>(_ key: StaticString) -> Value? {
        int(key).flatMap(Value.init(rawValue:))
    }

    /// A member that is an array, each element read by `element` (given the tape and the element's node); nil
    /// when the member is missing or not an array, or when any one element is not readable.
    package func array<Element>(_ key: StaticString, _ element: (JSONTape, Int) -> Element?) -> [Element]? {
        guard let node = member(key), tape[node].kind == .array else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(tape[node].count)
        var item = node + 1
        for _ in 0..<tape[node].count {
            guard let read = element(tape, item) else { return nil }
            elements.append(read)
            item = tape[item].next
        }
        return elements
    }

    package func strings(_ key: StaticString) -> [String]? { array(key) { $0.plainString($1) } }

    /// An array of objects, each read by `read`.
    package func objects<Element>(_ key: StaticString, _ read: (JSONObjectReader) -> Element?) -> [Element]? {
        array(key) { tape, node in JSONObjectReader(tape, node: node).flatMap(read) }
    }

    package func object(_ key: StaticString) -> JSONObjectReader? {
        member(key).flatMap { JSONObjectReader(tape, node: $0) }
    }

    /// An optional member as Codable's `decodeIfPresent` reads it: `.some(nil)` when missing or null, the
    /// value when present and readable, and nil (read it through Codable) when present but not readable.
    package func optional<Value>(_ key: StaticString, _ read: (JSONObjectReader, StaticString) -> Value?) -> Value?? {
        guard let node = member(key), tape[node].kind != .null else { return .some(nil) }
        return read(self, key).map { .some($0) }
    }
}

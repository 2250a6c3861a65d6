import Foundation

/// A JSON document scanned once into a flat list of nodes (a "tape") over its bytes: values are turned into
/// Swift values only when a `Decodable` asks for them, and object keys are compared as bytes. This is what lets
/// a replay decode a million stored events several times faster than Foundation's `JSONDecoder`.
package struct JSONTape {
    package enum Kind: UInt8 {
        case object, array, string, escapedString, number, isTrue, isFalse, null
    }

    /// One value. Strings and numbers keep their byte range (a string's without its quotes); objects and arrays
    /// keep how many members they have. An object's members follow it as key, value, key, value…; an array's
    /// elements follow it in order. `next` is the index of the first node after this value's subtree.
    package struct Node {
        package var kind: Kind
        var start: Int
        var end: Int
        package var count: Int
        package var next: Int
    }

    /// The document and its nodes, both borrowed for the length of one decoding (`withTape`), and how the
    /// document spells instants: a tape is three pointers, so handing it to every nested decoder and container
    /// copies no reference to count.
    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<Node>
    package let instants: any InstantSpelling.Type

    /// Scans a whole document and runs `body` with its tape, valid only until `body` returns; throws
    /// `JSONSyntaxError` at the first byte that is not JSON.
    package static func withTape<R>(
        scanning bytes: UnsafeBufferPointer<UInt8>, instants: any InstantSpelling.Type, _ body: (JSONTape) throws -> R
    ) throws -> R {
        var nodes: [Node] = []
        nodes.reserveCapacity(max(8, bytes.count / 12))
        var scanner = Scanner(bytes: bytes)
        try scanner.skipSpace()
        try scanner.scanValue(into: &nodes, depth: 0)
        try scanner.skipSpace()
        guard scanner.index == bytes.count else { throw JSONSyntaxError(offset: scanner.index) }
        return try nodes.withUnsafeBufferPointer { nodes in
            try body(JSONTape(bytes: bytes, nodes: nodes, instants: instants))
        }
    }

    package subscript(node: Int) -> Node { nodes[node] }

    /// How many nodes the document has (the root is node 0).
    package var nodeCount: Int { nodes.count }

    /// The bytes of a string or number node.
    package func slice(_ node: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[nodes[node].start..<nodes[node].end])
    }

    /// The bytes a node's whole value takes in the document: a string with its quotes, a container with its
    /// brackets.
    package func valueRange(_ node: Int) -> Range<Int> {
        let node = nodes[node]
        switch node.kind {
        case .string, .escapedString: return (node.start - 1)..<(node.end + 1)
        default: return node.start..<node.end
        }
    }

    /// Deeper documents are refused rather than risking the stack (stored events nest a few levels).
    static let maximumDepth = 256

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() throws(JSONSyntaxError) {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail() -> JSONSyntaxError { JSONSyntaxError(offset: index) }

        mutating func scanValue(into nodes: inout [Node], depth: Int) throws(JSONSyntaxError) {
            guard index < bytes.count, depth < JSONTape.maximumDepth else { throw fail() }
            switch bytes[index] {
            case UInt8(ascii: "{"): try scanContainer(isObject: true, into: &nodes, depth: depth)
            case UInt8(ascii: "["): try scanContainer(isObject: false, into: &nodes, depth: depth)
            case UInt8(ascii: "\""): try scanString(into: &nodes)
            case UInt8(ascii: "t"): try scanLiteral("true", kind: .isTrue, into: &nodes)
            case UInt8(ascii: "f"): try scanLiteral("false", kind: .isFalse, into: &nodes)
            case UInt8(ascii: "n"): try scanLiteral("null", kind: .null, into: &nodes)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber(into: &nodes)
            default: throw fail()
            }
        }

        /// An object (`isObject`) or an array: members separated by commas up to the closing bracket.
        mutating func scanContainer(isObject: Bool, into nodes: inout [Node], depth: Int) throws(JSONSyntaxError) {
            let me = nodes.count
            nodes.append(Node(kind: isObject ? .object : .array, start: index, end: index, count: 0, next: 0))
            let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            try skipSpace()
            var count = 0
            if index < bytes.count, bytes[index] == closing {
                index += 1
            } else {
                while true {
                    if isObject { try scanKey(into: &nodes) }
                    try scanValue(into: &nodes, depth: depth + 1)
                    count += 1
                    try skipSpace()
                    guard index < bytes.count else { throw fail() }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        try skipSpace()
                    } else if bytes[index] == closing {
                        index += 1
                        break
                    } else {
                        throw fail()
                    }
                }
            }
            nodes[me].end = index
            nodes[me].count = count
            nodes[me].next = nodes.count
        }

        /// A member's key and the colon after it.
        mutating func scanKey(into nodes: inout [Node]) throws(JSONSyntaxError) {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
            try scanString(into: &nodes)
            try skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail() }
            index += 1
            try skipSpace()
        }

        /// A string: control characters must be escaped, and escapes are checked here so that reading the
        /// value later cannot fail on syntax (only on UTF-8 that is not valid).
        mutating func scanString(into nodes: inout [Node]) throws(JSONSyntaxError) {
            index += 1
            let start = index
            var escaped = false
            while true {
                guard index < bytes.count else { throw fail() }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw fail() }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 1
                    guard index < bytes.count else { throw fail() }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count,
                            (1...4).allSatisfy({ JSONStrings.hexValue(bytes[index + $0]) != nil })
                        else { throw fail() }
                        index += 5
                    default:
                        throw fail()
                    }
                    continue
                }
                index += 1
            }
            let end = index
            index += 1
            nodes.append(
                Node(kind: escaped ? .escapedString : .string, start: start, end: end, count: 0, next: nodes.count + 1))
        }

        mutating func scanLiteral(_ word: StaticString, kind: Kind, into nodes: inout [Node]) throws(JSONSyntaxError) {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { throw fail() }
            for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { throw fail() }
            nodes.append(Node(kind: kind, start: index, end: index + length, count: 0, next: nodes.count + 1))
            index += length
        }

        /// The JSON number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        mutating func scanNumber(into nodes: inout [Node]) throws(JSONSyntaxError) {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            nodes.append(Node(kind: .number, start: start, end: index, count: 0, next: nodes.count + 1))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}

/// Where a document stops being JSON (the byte offset; never the content).
struct JSONSyntaxError: Error {
    let offset: Int
}

extension JSONTape {
    // A node's value when it plainly is of the kind asked for; nil sends the decoder the long way, which
    // converts what it can and throws Foundation's error otherwise. Concrete types only: an optional of a
    // generic type would look up its metadata on every call.

    package func plainString(_ node: Int) -> String? {
        let kind = self[node].kind
        return kind == .string || kind == .escapedString ? JSONStrings.string(of: node, in: self) : nil
    }

    package func plainInt(_ node: Int) -> Int? {
        self[node].kind == .number ? JSONNumbers.integer(slice(node), as: Int.self) : nil
    }

    package func plainBool(_ node: Int) -> Bool? {
        switch self[node].kind {
        case .isTrue: true
        case .isFalse: false
        default: nil
        }
    }

    package func plainDate(_ node: Int) -> Date? {
        self[node].kind == .string ? instants.parse(bytes: slice(node)) : nil
    }
}

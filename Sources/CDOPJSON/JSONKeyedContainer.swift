import Foundation

/// An object's members, looked up by comparing each key's bytes with the wanted key.
struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONTapeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        members().compactMap { key, _ in JSONStrings.string(of: key, in: decoder.tape).flatMap(Key.init(stringValue:)) }
    }

    /// The (key node, value node) pairs, in document order.
    private func members() -> [(Int, Int)] {
        let tape = decoder.tape
        var pairs: [(Int, Int)] = []
        var key = decoder.node + 1
        for _ in 0..<tape[decoder.node].count {
            pairs.append((key, key + 1))
            key = tape[key + 1].next
        }
        return pairs
    }

    /// The value node of `key`, or nil when the object has no such member.
    private func valueNode(_ key: Key) -> Int? {
        let tape = decoder.tape
        let name = key.stringValue
        var candidate = decoder.node + 1
        for _ in 0..<tape[decoder.node].count {
            if JSONStrings.matches(candidate, in: tape, name) { return candidate + 1 }
            candidate = tape[candidate + 1].next
        }
        return nil
    }

    /// The value node of `key`; throws Foundation's error when the object has no such member.
    private func memberNode(_ key: Key) throws -> Int {
        guard let node = valueNode(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return node
    }

    private func member(_ key: Key) throws -> JSONTapeDecoder {
        decoder.child(try memberNode(key), key: key)
    }

    /// `node` as `T`: read straight off the tape when it plainly is one (no child decoder is made for a string,
    /// an integer, a flag or an instant); otherwise through a child decoder, which converts or throws.
    private func value<T: Decodable>(_ node: Int, _ key: Key, as type: T.Type) throws -> T {
        // The checks before each cast make the bit casts exact (a dynamic cast here shows in a replay's profile).
        let tape = decoder.tape
        if T.self == String.self, let text = tape.plainString(node) { return unsafeBitCast(text, to: T.self) }
        if T.self == Int.self, let number = tape.plainInt(node) { return unsafeBitCast(number, to: T.self) }
        if T.self == Bool.self, let flag = tape.plainBool(node) { return unsafeBitCast(flag, to: T.self) }
        if T.self == Date.self, let date = tape.plainDate(node) { return unsafeBitCast(date, to: T.self) }
        return try decoder.child(node, key: key).decodeSelf(as: T.self)
    }

    func contains(_ key: Key) -> Bool { valueNode(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.tape[try memberNode(key)].kind == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(memberNode(key), key, as: Bool.self) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try value(memberNode(key), key, as: String.self)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).readFloat(Double.self) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).readFloat(Float.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(memberNode(key), key, as: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).readInteger(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).readInteger(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).readInteger(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).readInteger(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).readInteger(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).readInteger(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).readInteger(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).readInteger(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).readInteger(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(memberNode(key), key, as: T.self)
    }

    /// One lookup instead of the default's three (contains, decodeNil, decode): the value node of `key`, or
    /// nil when it is missing or null.
    private func presentNode(_ key: Key) -> Int? {
        guard let node = valueNode(key), decoder.tape[node].kind != .null else { return nil }
        return node
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let node = presentNode(key) else { return nil }
        return try value(node, key, as: Bool.self)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let node = presentNode(key) else { return nil }
        return try value(node, key, as: String.self)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let node = presentNode(key) else { return nil }
        return try decoder.child(node, key: key).readFloat(Double.self)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let node = presentNode(key) else { return nil }
        return try value(node, key, as: Int.self)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = presentNode(key) else { return nil }
        return try value(node, key, as: T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try member(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: JSONIndexKey(stringValue: "super")) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key) }

    /// Foundation gives a decoder over null when the member is missing; so does this.
    private func superDecoder(named key: any CodingKey) throws -> any Decoder {
        let name = key.stringValue
        let tape = decoder.tape
        var candidate = decoder.node + 1
        for _ in 0..<tape[decoder.node].count {
            if JSONStrings.matches(candidate, in: tape, name) { return decoder.child(candidate + 1, key: key) }
            candidate = tape[candidate + 1].next
        }
        return JSONTapeDecoder.null(key: key, parent: decoder)
    }
}

/// The key of an array element in a coding path, and of a `super` member.
struct JSONIndexKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

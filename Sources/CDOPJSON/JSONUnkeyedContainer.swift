/// An array's elements, read in order.
struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: JSONTapeDecoder
    private(set) var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var cursor: Int

    init(decoder: JSONTapeDecoder) {
        self.decoder = decoder
        self.cursor = decoder.node + 1
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { decoder.tape[decoder.node].count }
    var isAtEnd: Bool { currentIndex >= decoder.tape[decoder.node].count }

    /// The decoder of the current element, moving past it.
    private mutating func next(_ expected: Any.Type) throws -> JSONTapeDecoder {
        guard !isAtEnd else {
            var path = codingPath
            path.append(JSONIndexKey(intValue: currentIndex))
            throw DecodingError.valueNotFound(
                expected, DecodingError.Context(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        let element = decoder.child(cursor, key: JSONIndexKey(intValue: currentIndex))
        cursor = decoder.tape[cursor].next
        currentIndex += 1
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.tape[cursor].kind == .null else { return false }
        cursor = decoder.tape[cursor].next
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).readBool() }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).readString() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).readFloat(Double.self) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).readFloat(Float.self) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).readInteger(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).readInteger(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).readInteger(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).readInteger(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).readInteger(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).readInteger(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).readInteger(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).readInteger(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).readInteger(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).readInteger(UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decodeSelf(as: T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        try next([String: Any].self).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

/// The value of a decoder's own node.
struct JSONSingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONTapeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.readNull() }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.readBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.readString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.readFloat(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.readFloat(Float.self) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.readInteger(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.readInteger(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.readInteger(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.readInteger(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.readInteger(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.readInteger(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.readInteger(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.readInteger(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.readInteger(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.readInteger(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeSelf(as: T.self) }
}

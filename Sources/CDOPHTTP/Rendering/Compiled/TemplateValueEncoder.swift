/// Makes a `TemplateValue` from a view through its `Encodable` conformance: structs and string-keyed dictionaries
/// become objects, arrays lists (their nil elements left out), and a nil optional an absent field.
enum TemplateValueEncoder {
    static func encode(_ value: some Encodable) throws -> TemplateValue {
        let slot = Slot()
        try slot.store(value, at: [])
        return slot.resolved() ?? .object(TemplateObject(fields: [:]))
    }
}

/// Where one value goes while a view is being encoded: nothing yet, a value, or a container being filled.
private final class Slot {
    enum Content {
        case empty
        case value(TemplateValue)
        case object(ObjectBuilder)
        case list(ListBuilder)
    }

    var content: Content = .empty

    func resolved() -> TemplateValue? {
        switch content {
        case .empty: nil
        case .value(let value): value
        case .object(let builder): .object(TemplateObject(fields: builder.fields.compactMapValues { $0.resolved() }))
        case .list(let builder): .list(builder.items.compactMap { $0.resolved() })
        }
    }

    /// Stores `value`: the common leaf types directly, anything else through its own `encode(to:)`.
    func store(_ value: some Encodable, at path: [any CodingKey]) throws {
        switch value {
        case let text as String: content = .value(.string(text))
        case let number as Int: content = .value(.int(number))
        case let flag as Bool: content = .value(.bool(flag))
        case let number as Double: content = .value(.double(number))
        case let view as any TemplateFields: content = .value(.fields(view))
        default: try value.encode(to: SlotEncoder(slot: self, codingPath: path))
        }
    }

    var objectBuilder: ObjectBuilder {
        if case .object(let builder) = content { return builder }
        let builder = ObjectBuilder()
        content = .object(builder)
        return builder
    }

    var listBuilder: ListBuilder {
        if case .list(let builder) = content { return builder }
        let builder = ListBuilder()
        content = .list(builder)
        return builder
    }
}

private final class ObjectBuilder {
    var fields: [String: Slot] = [:]
}

private final class ListBuilder {
    var items: [Slot] = []
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedSlots<Key>(builder: slot.objectBuilder, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedSlots(builder: slot.listBuilder, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlot(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedSlots<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: ObjectBuilder
    let codingPath: [any CodingKey]

    private func slot(_ key: Key) -> Slot {
        let slot = Slot()
        builder.fields[key.stringValue] = slot
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { builder.fields[key.stringValue] = nil }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).content = .value(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(key).content = .value(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot(key).content = .value(.double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { slot(key).content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).content = .value(.int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot(key).content = .value(.int(Int(value))) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try slot(key).store(value, at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(KeyedSlots<NestedKey>(builder: slot(key).objectBuilder, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedSlots(builder: slot(key).listBuilder, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let slot = Slot()
        builder.fields["super"] = slot
        return SlotEncoder(slot: slot, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedSlots: UnkeyedEncodingContainer {
    let builder: ListBuilder
    let codingPath: [any CodingKey]
    var count: Int { builder.items.count }

    private func next() -> Slot {
        let slot = Slot()
        builder.items.append(slot)
        return slot
    }

    /// A nil element is left out of the list, as a nil optional is left out of an object.
    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { next().content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { next().content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { next().content = .value(.double(value)) }
    mutating func encode(_ value: Int) throws { next().content = .value(.int(value)) }
    mutating func encode(_ value: some Encodable) throws { try next().store(value, at: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(KeyedSlots<NestedKey>(builder: next().objectBuilder, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedSlots(builder: next().listBuilder, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: next(), codingPath: codingPath) }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .empty }
    mutating func encode(_ value: Bool) throws { slot.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
    mutating func encode(_ value: Float) throws { slot.content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { slot.content = .value(.int(value)) }
    mutating func encode(_ value: Int64) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt64) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: some Encodable) throws { try slot.store(value, at: codingPath) }
}

import Foundation

/// Brings a stored event of an older shape to the next one, on read. Stored events are never rewritten.
///
/// An upcaster maps one (type, schema version) to a new type name, schema version and data; the registry
/// applies upcasters repeatedly, so `v1 -> v2 -> v3` chains are written one step at a time.
package struct Upcaster: Sendable {
    package var fromType: String
    package var fromSchemaVersion: Int
    package var toType: String
    package var toSchemaVersion: Int
    package var transform: @Sendable (Data) throws -> Data

    package init(
        from fromType: String, version fromSchemaVersion: Int, to toType: String, version toSchemaVersion: Int,
        transform: @escaping @Sendable (Data) throws -> Data
    ) {
        self.fromType = fromType
        self.fromSchemaVersion = fromSchemaVersion
        self.toType = toType
        self.toSchemaVersion = toSchemaVersion
        self.transform = transform
    }
}

/// The upcasters the store applies to every event it reads.
package struct UpcasterRegistry: Sendable {
    private struct Key: Hashable {
        var type: String
        var schemaVersion: Int
    }

    private var upcasters: [Key: Upcaster] = [:]
    /// Applied to every event read before any upcaster: the stored bytes opened (`StoredDataProtection`).
    package var protection: (any StoredDataProtection)?

    package init(_ upcasters: [Upcaster] = []) {
        for upcaster in upcasters {
            self.upcasters[Key(type: upcaster.fromType, schemaVersion: upcaster.fromSchemaVersion)] = upcaster
        }
    }

    package var isEmpty: Bool { upcasters.isEmpty && protection == nil }

    /// The event in its current shape; unchanged when no upcaster applies.
    package func upcast(_ event: RecordedEvent) throws(EventStoreError) -> RecordedEvent {
        var event = event
        if let protection {
            do {
                event.data = try protection.open(event.data, type: event.type, eventID: event.eventID)
            } catch {
                throw .personalDataUnavailable(position: event.position, reason: String(describing: error))
            }
        }
        guard !upcasters.isEmpty else { return event }
        var steps = 0
        while let upcaster = upcasters[Key(type: event.type, schemaVersion: event.schemaVersion)] {
            steps += 1
            guard steps <= 64 else {
                throw .upcastFailed(
                    type: event.type, schemaVersion: event.schemaVersion, position: event.position,
                    reason: "the upcasters form a cycle")
            }
            do {
                event.data = try upcaster.transform(event.data)
            } catch {
                throw .upcastFailed(
                    type: event.type, schemaVersion: event.schemaVersion, position: event.position,
                    reason: String(describing: type(of: error)))
            }
            event.type = upcaster.toType
            event.schemaVersion = upcaster.toSchemaVersion
        }
        return event
    }
}

/// An aggregate's event enum, one case per payload type, that the codec can store and read back.
package protocol DomainEvent: Sendable, Equatable {
    /// Every payload type of this aggregate with the case that wraps it, in a fixed order.
    static var registry: EventRegistry<Self> { get }
    /// The payload this event carries.
    var payload: any EventPayload { get }
}

extension DomainEvent {
    /// Every payload type of this aggregate, in a fixed order.
    package static var payloadTypes: [any EventPayload.Type] { registry.registrations.map(\.payloadType) }
    /// Wraps a payload in its event case; nil for another aggregate's payload.
    package init?(payload: any EventPayload) {
        guard let event = Self.registry.wrap(payload) else { return nil }
        self = event
    }
    /// Every stable type name of this aggregate (for golden tests and the store's catalogue).
    package static var allTypeNames: [String] { payloadTypes.map { $0.typeName } }
    /// The stable versioned type name of this event.
    package var typeName: String { type(of: payload).typeName }
    /// The schema version of this event's shape.
    package var schemaVersion: Int { type(of: payload).schemaVersion }
    /// The coordinator-readable line for timelines.
    package var summary: String { payload.summary }
}

import Foundation

/// One payload type of an aggregate's event enum and the case that wraps it.
package struct EventRegistration<Event: DomainEvent>: Sendable {
    package let payloadType: any EventPayload.Type
    /// Decodes the payload's canonical JSON straight into the event (no existential, no cast).
    let decode: @Sendable (Data) throws -> Event
    /// Wraps a payload of this type; nil for any other type.
    let wrap: @Sendable (any EventPayload) -> Event?

    /// Registers the case `make`, e.g. `.init(CaseEvent.notificationReceived)`.
    package init<Payload: EventPayload>(_ make: @escaping @Sendable (Payload) -> Event) {
        payloadType = Payload.self
        decode = { data in make(try CanonicalJSON.decode(Payload.self, from: data)) }
        wrap = { payload in (payload as? Payload).map(make) }
    }
}

/// An aggregate's payload types in a fixed order, found by stored type name or by Swift type in one lookup:
/// reading a stored event must not try each case in turn (a replay reads a million of them).
package struct EventRegistry<Event: DomainEvent>: Sendable {
    package let registrations: [EventRegistration<Event>]
    private let byName: [String: Int]
    private let byType: [ObjectIdentifier: Int]

    package init(_ registrations: [EventRegistration<Event>]) {
        self.registrations = registrations
        byName = Dictionary(uniqueKeysWithValues: registrations.enumerated().map { ($1.payloadType.typeName, $0) })
        byType = Dictionary(
            uniqueKeysWithValues: registrations.enumerated().map { (ObjectIdentifier($1.payloadType), $0) })
    }

    /// The registration of a stored type name.
    func named(_ typeName: String) -> EventRegistration<Event>? {
        byName[typeName].map { registrations[$0] }
    }

    /// The event wrapping `payload`; nil for another aggregate's payload.
    func wrap(_ payload: any EventPayload) -> Event? {
        byType[ObjectIdentifier(type(of: payload))].flatMap { registrations[$0].wrap(payload) }
    }
}

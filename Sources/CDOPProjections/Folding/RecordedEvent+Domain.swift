import CDOPDomain
import CDOPStore

extension RecordedEvent {
    /// The domain event this stored event holds.
    package func decoded<Event: DomainEvent>(as type: Event.Type = Event.self) throws(EventCodecError) -> Event {
        try EventCodec.decode(EncodedEvent(type: self.type, schemaVersion: schemaVersion, data: data), as: Event.self)
    }
}

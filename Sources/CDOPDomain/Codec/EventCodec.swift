import Foundation

/// Writes events to their stored form and reads them back, for any aggregate's event enum.
package enum EventCodec {
    /// The stored form of an event: its type name, schema version and canonical JSON.
    package static func encode<Event: DomainEvent>(_ event: Event) throws(EventCodecError) -> EncodedEvent {
        let payload = event.payload
        do {
            let data = try payload.canonicalJSON()
            return EncodedEvent(type: event.typeName, schemaVersion: event.schemaVersion, data: data)
        } catch {
            throw .encodingFailed(type: event.typeName, detail: String(describing: type(of: error)))
        }
    }

    /// The event a stored form holds; refuses unknown types, unknown versions and malformed data.
    package static func decode<Event: DomainEvent>(
        _ encoded: EncodedEvent, as eventType: Event.Type = Event.self
    ) throws(EventCodecError) -> Event {
        guard let registration = Event.registry.named(encoded.type) else { throw .unknownType(encoded.type) }
        guard registration.payloadType.schemaVersion == encoded.schemaVersion else {
            throw .unsupportedSchemaVersion(type: encoded.type, version: encoded.schemaVersion)
        }
        do {
            return try registration.decode(encoded.data)
        } catch let error as DecodingError {
            throw .invalidData(type: encoded.type, detail: describe(error))
        } catch {
            throw .invalidData(type: encoded.type, detail: "not JSON")
        }
    }

    /// Where and how the data was wrong, without quoting any value.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(key.stringValue) at \(path(context))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context))"
        case .valueNotFound(_, let context): return "missing value at \(path(context))"
        case .dataCorrupted(let context): return "malformed value at \(path(context))"
        @unknown default: return "malformed"
        }
    }
}

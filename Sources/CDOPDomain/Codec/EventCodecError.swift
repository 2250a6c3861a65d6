/// Why an event could not be written or read; never carries the event's personal data.
package enum EventCodecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stored type name belongs to no known event of this aggregate.
    case unknownType(String)
    /// The type is known but not at this schema version (an upcaster is missing).
    case unsupportedSchemaVersion(type: String, version: Int)
    /// The JSON does not have the shape of the type; `detail` names the path, not the values.
    case invalidData(type: String, detail: String)
    /// The payload could not be turned into JSON.
    case encodingFailed(type: String, detail: String)

    package var code: String {
        switch self {
        case .unknownType: "codec.unknownType"
        case .unsupportedSchemaVersion: "codec.unsupportedSchemaVersion"
        case .invalidData: "codec.invalidData"
        case .encodingFailed: "codec.encodingFailed"
        }
    }

    package var description: String {
        switch self {
        case .unknownType(let type): "Unknown event type \(type)."
        case .unsupportedSchemaVersion(let type, let version): "Event type \(type) has no schema version \(version)."
        case .invalidData(let type, let detail): "The data of a \(type) event is not valid: \(detail)."
        case .encodingFailed(let type, let detail): "A \(type) event could not be encoded: \(detail)."
        }
    }
}

import Foundation

/// An event as the store keeps it: stable type name, schema version, canonical JSON data.
package struct EncodedEvent: Sendable, Equatable {
    /// The stable versioned name, e.g. "case.notificationReceived.v1".
    package var type: String
    /// The shape's version, for upcasting on read.
    package var schemaVersion: Int
    /// Canonical JSON: sorted keys, ISO 8601 UTC instants, YYYY-MM-DD dates.
    package var data: Data

    package init(type: String, schemaVersion: Int, data: Data) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
    }
}

import Foundation

/// An event about to be appended: its identity, stable type name, schema version and JSON payloads.
///
/// The store never looks inside `data`: it is the aggregate's business. `metadata` carries who did it and why
/// (actor, role, correlation, causation, command id), also as JSON.
package struct NewEvent: Sendable, Equatable {
    package var eventID: UUID
    package var type: String
    package var schemaVersion: Int
    package var data: Data
    package var metadata: Data

    package init(eventID: UUID, type: String, schemaVersion: Int = 1, data: Data, metadata: Data = Data("{}".utf8)) {
        self.eventID = eventID
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
    }
}
